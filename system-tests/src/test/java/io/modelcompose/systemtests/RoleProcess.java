package io.modelcompose.systemtests;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One role started as its own JVM with {@code compose-cli serve ROLE --kafka ...}, on the test classpath. Its output
 * goes to {@code <project>/<name>.log}; {@link #close()} kills it (and its shell children) if it still runs.
 */
final class RoleProcess implements AutoCloseable {
    private final Process process;
    private final Path stateDir;
    private final Path log;

    private RoleProcess(Process process, Path stateDir, Path log) {
        this.process = process;
        this.stateDir = stateDir;
        this.log = log;
    }

    /**
     * Starts {@code serve role} for this project; {@code name} tells instances apart (state folder, log file);
     * {@code extraArgs} follow the standard ones.
     */
    static RoleProcess serve(ItProject project, String role, String name, long leaseMillis, String... extraArgs)
            throws IOException {
        Path stateDir = project.dir().resolve(".compose").resolve(name);
        Path log = project.dir().resolve(name + ".log");
        List<String> command = new ArrayList<>(javaCommand());
        command.addAll(List.of("io.modelcompose.cli.ComposeCli", "--project-directory", project.dir().toString(),
                "serve", role, "--kafka", project.bootstrapServers(), "--lease-ms", Long.toString(leaseMillis),
                "--state-dir", stateDir.toString()));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command).directory(project.dir().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return new RoleProcess(process, stateDir, log);
    }

    /** {@code java} with small-footprint options and the classpath of this test run. */
    static List<String> javaCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", testClasspath());
    }

    /** The real classpath (failsafe may run tests from a manifest-only jar). */
    static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no graceful stop, no leaving the consumer groups. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Graceful stop, as {@code compose-cli down} asks for it: a {@code .stop} file in its state folder. */
    void stop() throws IOException, InterruptedException {
        Files.createDirectories(stateDir);
        Files.writeString(stateDir.resolve(".stop"), "");
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pid " + process.pid() + " did not stop:\n" + logTail());
        }
    }

    /** The last lines of its output, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        if (process.isAlive()) {
            kill();
        }
    }
}
