package org.watchbrief.batch;

import java.util.List;

import org.watchbrief.intake.DocumentSource;

/** The web sources enabled in {@code watchbrief.intake.sources.*}, in the order intake reads them. */
record WebSources(List<DocumentSource> enabled) {

    WebSources {
        enabled = List.copyOf(enabled);
    }
}
