package io.modelcompose.systemtests.docker;

import io.modelcompose.cli.ComposeCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@link ComposeCli} in this JVM on a thread of its own, for commands that keep running ({@code logs -f}): its
 * output so far can be read while it runs; {@link #interrupt} ends it as Ctrl+C ends a following {@code logs}.
 */
final class BackgroundCli implements AutoCloseable {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;

    private BackgroundCli(String[] args) {
        thread = new Thread(() -> exit.complete(ComposeCli.execute(args, new PrintWriter(out, true),
                new PrintWriter(err, true))), "background-cli");
        thread.setDaemon(true);
    }

    /** Starts {@code compose-cli --project-directory DIR ARGS...}. */
    static BackgroundCli start(Path projectDir, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--project-directory";
        all[1] = projectDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        BackgroundCli cli = new BackgroundCli(all);
        cli.thread.start();
        return cli;
    }

    /** Stdout so far. */
    String out() {
        return out.toString();
    }

    boolean isDone() {
        return exit.isDone();
    }

    /** Interrupts the command and waits for its result. */
    Cli interrupt(Duration timeout) throws Exception {
        thread.interrupt();
        return result(timeout);
    }

    /** Waits for the command to end by itself. */
    Cli result(Duration timeout) throws Exception {
        try {
            int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Cli(code, out.toString(), err.toString());
        } catch (TimeoutException e) {
            throw new AssertionError("the command did not end within " + timeout + "; stdout so far:\n" + out
                    + "--- stderr so far:\n" + err, e);
        } catch (ExecutionException e) {
            throw new AssertionError("the command failed", e.getCause());
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
