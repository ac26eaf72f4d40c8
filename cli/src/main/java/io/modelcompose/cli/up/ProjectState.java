package io.modelcompose.cli.up;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files through which {@code up}, {@code down} and {@code ps} talk: {@code .compose/up.pid},
 * {@code .compose/up.port}, {@code .compose/up.log}, {@code .compose/kafka/} and the {@code .stop} request file
 * in the project folder.
 */
public record ProjectState(Path projectDir) {

    public Path stateDir() {
        return projectDir.resolve(".compose");
    }

    public Path pidFile() {
        return stateDir().resolve("up.pid");
    }

    public Path portFile() {
        return stateDir().resolve("up.port");
    }

    public Path logFile() {
        return stateDir().resolve("up.log");
    }

    public Path kafkaDir() {
        return stateDir().resolve("kafka");
    }

    public Path stopFile() {
        return projectDir.resolve(".stop");
    }

    public void writeRunning(long pid, int port) throws IOException {
        Files.createDirectories(stateDir());
        Files.writeString(pidFile(), Long.toString(pid), StandardCharsets.UTF_8);
        Files.writeString(portFile(), Integer.toString(port), StandardCharsets.UTF_8);
    }

    public void clearRunning() throws IOException {
        Files.deleteIfExists(pidFile());
        Files.deleteIfExists(portFile());
        Files.deleteIfExists(stopFile());
    }

    /** The process of a running {@code up}, if its pid file names a live process. */
    public Optional<ProcessHandle> runningProcess() {
        return readLong(pidFile()).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    public Optional<Integer> port() {
        return readLong(portFile()).map(Long::intValue);
    }

    private static Optional<Long> readLong(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
