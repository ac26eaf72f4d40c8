package io.modelcompose.worker.component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Collects a process's stdout and stderr from its pipes on the calling thread, without blocking on either, until the
 * process exits: a pipe is only read as far as it has bytes, and between reads the thread waits for the exit, which
 * wakes it at once. So a background grandchild that keeps a pipe open does not hold the result back (what it writes
 * after the exit is not collected, as with a file), and no reader threads are needed. Pipes cost a process start much
 * less than temporary files (no file to create, open in the child and delete).
 */
final class ProcessOutput {
    /** Longest wait between two looks at the pipes while the process runs and writes nothing. */
    private static final long MAX_WAIT_MILLIS = 50;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[8192];
    private final long limit;
    private long stdoutBytes;
    private long stderrBytes;

    /** Keeps at most {@code limit} bytes of each stream (the rest is read and counted, not kept). */
    ProcessOutput(long limit) {
        this.limit = limit;
    }

    /** What a stream wrote in all, kept or not. */
    long stdoutBytes() {
        return stdoutBytes;
    }

    long stderrBytes() {
        return stderrBytes;
    }

    /** Outcome of {@link #collect}. */
    enum Exit { EXITED, TIMED_OUT }

    /**
     * Reads both pipes until the process exits or {@code timeoutMillis} (0 = none) passes.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     */
    Exit collect(Process process, long timeoutMillis) throws InterruptedException {
        long deadline = timeoutMillis > 0 ? System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis) : 0;
        long waitMillis = 1;
        while (true) {
            int read = drainStdout(process) + drainStderr(process);
            waitMillis = read > 0 ? 1 : Math.min(MAX_WAIT_MILLIS, waitMillis * 2);
            long wait = waitMillis;
            if (deadline != 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return Exit.TIMED_OUT;
                }
                wait = Math.min(wait, left);
            }
            if (process.waitFor(wait, TimeUnit.MILLISECONDS)) {
                drainStdout(process);
                drainStderr(process);
                return Exit.EXITED;
            }
        }
    }

    private int drainStdout(Process process) {
        int n = drain(process.getInputStream(), stdout);
        stdoutBytes += n;
        return n;
    }

    private int drainStderr(Process process) {
        int n = drain(process.getErrorStream(), stderr);
        stderrBytes += n;
        return n;
    }

    /**
     * Reads what the pipe holds now, never blocking; answers how many bytes. A pipe closed under it (killing the
     * process closes them) has nothing more to give.
     */
    private int drain(InputStream in, ByteArrayOutputStream into) {
        int total = 0;
        try {
            int available;
            while ((available = in.available()) > 0) {
                int n = in.read(buffer, 0, Math.min(buffer.length, available));
                if (n <= 0) {
                    break;
                }
                long room = limit - into.size();
                if (room > 0) {
                    into.write(buffer, 0, (int) Math.min(n, room));
                }
                total += n;
            }
        } catch (IOException closed) {
            return total;
        }
        return total;
    }

    String stdout() {
        return text(stdout);
    }

    String stderr() {
        return text(stderr);
    }

    /** The bytes as UTF-8 without one trailing line break. */
    private static String text(ByteArrayOutputStream bytes) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - (text.endsWith("\r\n") ? 2 : 1));
        }
        return text;
    }
}
