package org.watchbrief.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** A process's output stream, collected as it comes so that a test can wait for a line. */
public final class ProcessOutput {

    private final StringBuffer text = new StringBuffer();

    private final Thread reader;

    public ProcessOutput(InputStream stream) {
        reader = new Thread(() -> {
            try {
                byte[] buffer = new byte[4096];
                for (int n; (n = stream.read(buffer)) > 0;) {
                    text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            }
            catch (IOException closed) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** What has come so far. */
    public String soFar() {
        return text.toString();
    }

    /** Waits up to the given seconds for the text to appear; whether it did. */
    public boolean await(String wanted, long seconds) throws InterruptedException {
        for (long i = 0; i < seconds * 10 && text.indexOf(wanted) < 0; i++) {
            Thread.sleep(100);
        }
        return text.indexOf(wanted) >= 0;
    }

    /** All of it, once the process has ended. */
    public String all() throws InterruptedException {
        reader.join(10_000);
        return text.toString();
    }
}
