package org.watchbrief.analysis;

import java.util.Objects;

/**
 * A phrase of the taxonomy found in a document, with the sentence it was found in.
 *
 * @param phrase the words as they appear in the text
 * @param sentence the whole sentence, whitespace collapsed
 */
public record Evidence(String phrase, String sentence) {

    public Evidence {
        Objects.requireNonNull(phrase, "phrase");
        Objects.requireNonNull(sentence, "sentence");
    }
}
