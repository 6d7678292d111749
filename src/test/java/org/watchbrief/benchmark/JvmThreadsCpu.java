package org.watchbrief.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The CPU time of the JVM's own threads, which a Java profile does not sample: the garbage
 * collector's and the JIT compiler's, read from {@code /proc/self/task/*} (each thread's name and
 * its nanoseconds on a CPU, {@code schedstat}). Zero where /proc is not there.
 *
 * @param gcNanos the collector's threads (G1's workers, concurrent markers, refinement)
 * @param jitNanos the compiler threads (C1 and C2)
 */
record JvmThreadsCpu(long gcNanos, long jitNanos) {

    static JvmThreadsCpu now() {
        long gc = 0;
        long jit = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    long nanos = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
                        gc += nanos;
                    }
                    else if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
                        jit += nanos;
                    }
                }
                catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            }
        }
        catch (IOException | RuntimeException notLinux) {
            return new JvmThreadsCpu(0, 0);
        }
        return new JvmThreadsCpu(gc, jit);
    }

    JvmThreadsCpu since(JvmThreadsCpu before) {
        return new JvmThreadsCpu(gcNanos - before.gcNanos, jitNanos - before.jitNanos);
    }
}
