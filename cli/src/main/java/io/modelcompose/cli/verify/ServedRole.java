package io.modelcompose.cli.verify;

import io.modelcompose.cli.up.ProjectState;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One role as its own process: {@code compose-cli serve ROLE} in this JVM's java and classpath, its output in
 * {@code <dir>/<name>.log}, its state in {@code <dir>/.compose/<name>}.
 */
final class ServedRole {
    private static final String NOW_ACTIVE = "this scheduler is now the active one";
    private static final String NO_LONGER_ACTIVE = "this scheduler is no longer the active one";
    private final String role;
    private final String name;
    private final Process process;
    private final Path stateDir;
    private final Path log;

    private ServedRole(String role, String name, Process process, Path stateDir, Path log) {
        this.role = role;
        this.name = name;
        this.process = process;
        this.stateDir = stateDir;
        this.log = log;
    }

    static ServedRole start(Path dir, String role, String name, String bootstrapServers, long leaseMillis) {
        Path stateDir = dir.resolve(".compose").resolve(name);
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "io.modelcompose.cli.ComposeCli", "--project-directory",
                dir.toString(), "serve", role, "--kafka", bootstrapServers, "--lease-ms", Long.toString(leaseMillis),
                "--state-dir", stateDir.toString()));
        try {
            Files.deleteIfExists(new ProjectState(stateDir).pidFile());
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            return new ServedRole(role, name, process, stateDir, log);
        } catch (IOException e) {
            throw new ComposeException(ErrorCode.UNAVAILABLE, "cannot start " + name + ": " + e.getMessage());
        }
    }

    String role() {
        return role;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** True once it wrote its pid file, i.e. it has deployed. */
    boolean isUp() {
        return Files.exists(new ProjectState(stateDir).pidFile());
    }

    /**
     * Waits until it has deployed.
     *
     * @throws ComposeException when it exits first or is not up within {@code seconds}
     */
    ServedRole awaitUp(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!isUp()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new ComposeException(ErrorCode.UNAVAILABLE, name + " did not start (see " + log + ")");
            }
            Thread.sleep(50);
        }
        return this;
    }

    /** A scheduler whose last word about the election was that it is the active one. */
    boolean claimsActive() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(NOW_ACTIVE)) {
                    return process.isAlive();
                }
                if (lines.get(i).contains(NO_LONGER_ACTIVE)) {
                    return false;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL of it and of the jobs it runs, as a machine that fails takes both; returns when they are gone. */
    long kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> child).join();
        }
        return System.currentTimeMillis();
    }

    /** A graceful stop, as {@code compose-cli down} asks for it; SIGKILL when it does not stop in time. */
    void stop() throws InterruptedException {
        try {
            Files.createDirectories(stateDir);
            Files.writeString(new ProjectState(stateDir).stopFile(), "");
        } catch (IOException e) {
            kill();
            return;
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }
}
