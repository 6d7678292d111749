package org.watchbrief.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The document inside an email's body: the text after the last forwarding marker and its header
 * block ("---------- Forwarded message ---------", "-----Original Message-----", "Begin forwarded
 * message:"), with quoting ("&gt; ") taken off; the whole body when it forwards nothing. The
 * email's own subject line, which Tika puts first, is not part of the document.
 */
final class MailBody {

    private static final Pattern MARKER = Pattern.compile(
            "^(?:-{2,}\\s*(?:Forwarded message|Original Message)\\s*-{2,}|Begin forwarded message:|_{10,})\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HEADER = Pattern.compile("^(?:From|Sent|Date|To|Cc|Bcc|Subject|Reply-To):.*$",
            Pattern.CASE_INSENSITIVE);

    private MailBody() {
    }

    static String document(String text, String subject) {
        List<String> lines = new ArrayList<>(text.strip().lines().map(MailBody::unquote).toList());
        if (subject != null && !lines.isEmpty() && lines.get(0).strip().equals(subject.strip())) {
            lines.remove(0);
        }
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (MARKER.matcher(lines.get(i).strip()).matches()) {
                int next = i + 1;
                while (next < lines.size()
                        && (lines.get(next).isBlank() || HEADER.matcher(lines.get(next).strip()).matches())) {
                    next++;
                }
                start = next;
            }
        }
        return String.join("\n", lines.subList(Math.min(start, lines.size()), lines.size())).strip();
    }

    private static String unquote(String line) {
        String stripped = line.stripLeading();
        while (stripped.startsWith(">")) {
            stripped = stripped.substring(1).stripLeading();
        }
        return stripped;
    }
}
