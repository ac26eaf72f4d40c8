package io.modelcompose.cli.broker;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Kafka broker as a child JVM ({@code io.modelcompose.broker.BrokerMain}) on loopback.
 *
 * <p>The child holds its data in the given folder and prints {@code READY <bootstrap>} once it serves. It exits
 * when its stdin reaches end-of-file, so it ends with this JVM however this JVM ends, including {@code kill -9}.
 * Its WARN and ERROR lines (stderr) are logged here; its full log is {@code <dataDir>/broker.log}.
 */
public final class EmbeddedBrokerProcess implements AutoCloseable {
    static final String MAIN_CLASS = "io.modelcompose.broker.BrokerMain";
    static final String READY_PREFIX = "READY ";
    static final String JAVA_OPTS_PROPERTY = "compose.broker.javaOpts";
    static final String JAVA_OPTS_ENV = "COMPOSE_BROKER_JAVA_OPTS";
    /**
     * A class-data archive of the broker's classes (recorded by a training start with {@code -XX:ArchiveClassesAtExit}
     * and the same class path): a start maps the classes instead of loading them, ~1.5 s faster. Ignored when the file
     * is missing or does not match this JVM.
     */
    static final String CDS_ARCHIVE_PROPERTY = "compose.broker.cds";
    static final String LOG_FILE_NAME = "broker.log";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBrokerProcess.class);
    /**
     * Small heap (the broker needs ~40 MB after GC) and small caches; the full JIT, since every run crosses the broker
     * several times and C1-only code costs it about twice the CPU under load.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
            "-Xss512k", "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=128m",
            "-Djava.awt.headless=true");
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(10);
    private static final Duration KILL_GRACE = Duration.ofSeconds(5);
    private static final int TAIL_LINES = 20;

    private final Process process;
    private final String bootstrapServers;
    private final Path dataDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedBrokerProcess(Process process, String bootstrapServers, Path dataDir) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
    }

    /**
     * Launches the broker JVM and waits for its READY line.
     *
     * @throws ComposeException {@link ErrorCode#UNAVAILABLE} when the libraries are missing, or the broker exits
     *                          or is not ready within {@code timeout} (the message holds the end of broker.log)
     */
    public static EmbeddedBrokerProcess start(Path dataDir, Path brokerLibDir, Duration timeout) {
        Path dir = createDirectories(dataDir.toAbsolutePath().normalize());
        if (!BrokerLibLocator.holdsJars(brokerLibDir)) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, "no Kafka broker jars in " + brokerLibDir);
        }
        long startNanos = System.nanoTime();
        Process process = launch(command(dir, brokerLibDir), dir);
        CompletableFuture<String> ready = new CompletableFuture<>();
        LineTail stderr = new LineTail(TAIL_LINES);
        drain(process.getInputStream(), "kafka-broker-stdout", line -> onStdout(line, ready),
                () -> ready.completeExceptionally(new IllegalStateException("stdout closed")));
        Thread stderrDrain = drain(process.getErrorStream(), "kafka-broker-stderr", line -> {
            stderr.add(line);
            LOG.warn("kafka broker: {}", line);
        }, () -> { });
        String bootstrap = awaitReady(process, ready, timeout, new Failure(dir, stderr, stderrDrain));
        LOG.info("Kafka broker (pid {}) ready on {} in {} ms, data in {}", process.pid(), bootstrap,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), dir);
        return new EmbeddedBrokerProcess(process, bootstrap, dir);
    }

    /**
     * The broker library folder, looked up in this order:
     * <ol>
     *   <li>system property {@code compose.broker.lib};</li>
     *   <li>environment variable {@code COMPOSE_BROKER_LIB};</li>
     *   <li>the dev tree: {@code <folder of the cli jar or classes>/../../broker/target/lib}, e.g. from
     *       {@code cli/target/classes} or {@code cli/target/compose-cli.jar};</li>
     *   <li>an installed app: {@code <app home>/lib/kafka}, with the cli jar in the app home or in its
     *       {@code lib} folder.</li>
     * </ol>
     * A folder counts when it holds at least one jar; an explicitly set property or variable must.
     *
     * @throws ComposeException {@link ErrorCode#UNAVAILABLE} when no folder is found
     */
    public static Path locateLibDir() {
        return BrokerLibLocator.locate();
    }

    /** {@code 127.0.0.1:<port>} of the broker. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Closes the child's stdin so it shuts down cleanly; after 10 s it is terminated, then killed. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stop(process);
            LOG.info("Kafka broker (pid {}) stopped", process.pid());
        }
    }

    private static List<String> command(Path dataDir, Path libDir) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.addAll(classDataOptions(System.getProperty(CDS_ARCHIVE_PROPERTY)));
        command.addAll(extraJavaOptions());
        command.addAll(List.of("-cp", libDir.toAbsolutePath() + File.separator + "*", MAIN_CLASS,
                "--data-dir", dataDir.toString()));
        return command;
    }

    private static Process launch(List<String> command, Path dataDir) {
        try {
            return new ProcessBuilder(command).directory(dataDir.toFile()).start();
        } catch (IOException e) {
            throw new ComposeException(ErrorCode.UNAVAILABLE,
                    "cannot launch the Kafka broker JVM: " + e.getMessage(), e);
        }
    }

    private static void onStdout(String line, CompletableFuture<String> ready) {
        if (line.startsWith(READY_PREFIX) && !ready.isDone()) {
            ready.complete(line.substring(READY_PREFIX.length()).trim());
        } else {
            LOG.info("kafka broker: {}", line);
        }
    }

    private static String awaitReady(Process process, CompletableFuture<String> ready, Duration timeout,
                                     Failure failure) {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop(process);
            throw failure.exception(process, "was not ready within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            waitFor(process, KILL_GRACE);
            stop(process);
            String exit = process.isAlive() ? "closed its output" : "exited with code " + process.exitValue();
            throw failure.exception(process, exit + " before it was ready");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            throw failure.exception(process, "start was interrupted");
        }
    }

    private static void stop(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("closing the broker's stdin failed", e);
        }
        if (!waitFor(process, CLOSE_GRACE)) {
            LOG.warn("Kafka broker (pid {}) did not stop within {} s; terminating it", process.pid(),
                    CLOSE_GRACE.toSeconds());
            process.destroy();
            if (!waitFor(process, KILL_GRACE)) {
                process.destroyForcibly();
                waitFor(process, KILL_GRACE);
            }
        }
    }

    private static boolean waitFor(Process process, Duration duration) {
        try {
            return process.waitFor(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    private static Thread drain(InputStream stream, String name, Consumer<String> onLine, Runnable onEnd) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                LOG.debug("{} ended", name, e);
            } finally {
                onEnd.run();
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String javaExecutable() {
        String binary = System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java";
        Path fromHome = Path.of(System.getProperty("java.home"), "bin", binary);
        if (Files.isExecutable(fromHome)) {
            return fromHome.toString();
        }
        return ProcessHandle.current().info().command().orElse(binary);
    }

    /** The JVM options that map {@code archive}; none when it is not given or not a file. */
    static List<String> classDataOptions(String archive) {
        if (archive == null || archive.isBlank() || !Files.isRegularFile(Path.of(archive))) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    private static List<String> extraJavaOptions() {
        String options = System.getProperty(JAVA_OPTS_PROPERTY, System.getenv(JAVA_OPTS_ENV));
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /** Builds the error for a failed start from broker.log and the child's stderr. */
    private record Failure(Path dataDir, LineTail stderr, Thread stderrDrain) {
        private static final long DRAIN_JOIN_MS = 2_000;

        ComposeException exception(Process process, String reason) {
            joinQuietly(stderrDrain);
            Path logFile = dataDir.resolve(LOG_FILE_NAME);
            StringBuilder message = new StringBuilder("Kafka broker (pid ").append(process.pid()).append(") ")
                    .append(reason);
            appendLines(message, "last lines of " + logFile, LineTail.lastLinesOf(logFile, TAIL_LINES));
            appendLines(message, "stderr", stderr.lines());
            return new ComposeException(ErrorCode.UNAVAILABLE, message.toString());
        }

        private static void appendLines(StringBuilder message, String title, List<String> lines) {
            if (!lines.isEmpty()) {
                message.append("\n").append(title).append(":");
                lines.forEach(line -> message.append("\n  ").append(line));
            }
        }

        private static void joinQuietly(Thread thread) {
            try {
                thread.join(DRAIN_JOIN_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
