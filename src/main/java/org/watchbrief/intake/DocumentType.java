package org.watchbrief.intake;

import java.util.Arrays;

/** The kinds of document Watchbrief reads, with the labels of the corpus and the JSON contract. */
public enum DocumentType {
    WRITTEN_QUESTION("written-question", "Written question"),
    PRESS_RELEASE("press-release", "Press release"),
    NEWS_STORY("news-story", "News story"),
    STATEMENT("statement", "Statement"),
    OTHER("other", "Article");

    private final String label;

    private final String displayName;

    DocumentType(String label, String displayName) {
        this.label = label;
        this.displayName = displayName;
    }

    /** {@code written-question}, as in the JSON contract and the database. */
    public String label() {
        return label;
    }

    /** "Written question", as a digest shows it. */
    public String displayName() {
        return displayName;
    }

    public static DocumentType fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown document type: " + label));
    }
}
