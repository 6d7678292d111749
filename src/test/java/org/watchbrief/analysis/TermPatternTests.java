package org.watchbrief.analysis;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The taxonomy's term syntax, as themes.yml documents it. */
class TermPatternTests {

    /** The words each occurrence of the term covers, as written. */
    private static List<String> occurrences(String term, String text) {
        Tokens tokens = Tokens.of(text);
        TermIndex index = new TermIndex(List.of(List.of(Taxonomy.Term.of(term, 1))));
        return index.match(tokens).get(0).stream()
            .map(hit -> text.substring(tokens.start(hit.first()), tokens.end(hit.last()))).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', textBlock = """
            groomer ; Two groomers were convicted. ; groomers
            share data ; They shared data overnight. ; shared data
            groom* ; The grooming began early. ; grooming
            livestream ; Abuse was live-streamed. ; live-streamed
            livestream ; She watched a live stream. ; live stream
            live stream ; Livestreaming is risky. ; Livestreaming
            co-operation ; International cooperation grew. ; cooperation
            data|information ; They asked for information. ; information
            share ~3 data ; They share some of their data. ; share some of their data
            Act ; The Online Safety Act passed. ; Act
            """)
    void matchesNormalisedWords(String term, String text, String expected) {
        assertThat(occurrences(term, text)).containsExactly(expected);
    }

    @Test
    void aCapitalisedWordMatchesOnlyWithItsCapital() {
        assertThat(occurrences("Act", "We must act now.")).isEmpty();
    }

    @Test
    void aGapNeverReachesAcrossTheEndOfASentence() {
        assertThat(occurrences("share ~3 data", "They agreed to share. Data came later.")).isEmpty();
    }

    @Test
    void aGapAllowsNoMoreWordsThanItSays() {
        assertThat(occurrences("share ~1 data", "They share some of their data.")).isEmpty();
    }

    @Test
    void aMalformedTermSaysWhatIsWrong() {
        assertThatThrownBy(() -> TermPattern.compile("data ~2")).hasMessageContaining("ends with a gap");
        assertThatThrownBy(() -> TermPattern.compile("a||b")).hasMessageContaining("empty alternative");
        assertThatThrownBy(() -> TermPattern.compile("   ")).hasMessageContaining("blank");
    }
}
