package org.watchbrief.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchbrief.intake.Candidate;
import org.watchbrief.intake.DocumentSource.Harvest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox is listed a page at a time: a folder too large to sort in memory is still read whole,
 * each file once, and a small one in name order.
 */
class InboxListingTests {

    @TempDir
    Path inbox;

    private void files(int count) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            Files.writeString(inbox.resolve(String.format("wq-%06d.txt", i)), "Answer " + i, StandardCharsets.UTF_8);
        }
        Thread.sleep(200); // dropped in before the run, not during it (those are listed again at its end)
    }

    private static List<List<Candidate>> pages(Harvest harvest) {
        List<List<Candidate>> pages = new ArrayList<>();
        for (List<Candidate> page = harvest.nextPage(); !page.isEmpty(); page = harvest.nextPage()) {
            pages.add(page);
        }
        harvest.close();
        return pages;
    }

    @Test
    void aFolderTooLargeToSortIsReadWholeEachFileOnceAPageAtATime() throws Exception {
        // given
        int count = InboxSource.SORTED_UP_TO + 250;
        files(count);
        // when
        List<List<Candidate>> pages = pages(new InboxSource(inbox, 1_000_000).harvest(null, LocalDate.now()));
        // then
        Set<String> keys = new HashSet<>();
        pages.forEach(page -> page.forEach(candidate -> assertThat(keys.add(candidate.sourceKey()))
            .as(candidate.sourceKey() + " listed once").isTrue()));
        assertThat(keys).hasSize(count);
        assertThat(pages).allSatisfy(page -> assertThat(page.size()).isLessThanOrEqualTo(500));
    }

    @Test
    void aSmallFolderIsReadInNameOrder() throws Exception {
        // given
        files(1200);
        // when
        List<String> keys = pages(new InboxSource(inbox, 1_000_000).harvest(null, LocalDate.now())).stream()
            .flatMap(List::stream).map(Candidate::sourceKey).toList();
        // then
        assertThat(keys).hasSize(1200).isSorted();
    }
}
