package org.watchbrief.intake;

import java.nio.file.Path;

/**
 * A file that went away between its listing and its reading: renamed or removed while a run read
 * the inbox. Intake passes it over rather than quarantining it (there is nothing to keep), and
 * reads it under its new name if it was renamed; elsewhere it is one more unreadable file.
 */
public class DocumentGoneException extends UnreadableDocumentException {

    public DocumentGoneException(String sourceKey, Path file) {
        super(sourceKey, "the file is gone (renamed or removed since it was listed)", null, file, null, null);
    }
}
