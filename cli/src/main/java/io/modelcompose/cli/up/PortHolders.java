package io.modelcompose.cli.up;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who listens on a TCP port, from Linux's {@code /proc}: the socket inodes in LISTEN state on that port
 * ({@code /proc/net/tcp}, {@code tcp6}), then the process whose {@code fd/} links to one of them. Only processes
 * this user may inspect can be named; elsewhere (another OS, another user's process) the answer is empty.
 */
final class PortHolders {
    private static final String LISTEN = "0A";
    private static final int MAX_COMMAND_CHARS = 120;
    private final Path proc;

    PortHolders(Path proc) {
        this.proc = proc;
    }

    static PortHolders ofThisHost() {
        return new PortHolders(Path.of("/proc"));
    }

    /** "pid 123: java -cp ... up" for the first process found listening on {@code port}, if any can be seen. */
    Optional<String> holderOf(int port) {
        Set<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (Stream<Path> pids = Files.list(proc)) {
            return pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> holdsAny(p, inodes))
                    .findFirst()
                    .map(p -> "pid " + p.getFileName() + commandOf(p).map(c -> ": " + c).orElse(""));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Inodes of sockets in LISTEN state on {@code port}, over IPv4 and IPv6. */
    Set<String> listeningInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String portHex = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("net/tcp", "net/tcp6")) {
            for (String line : readLines(proc.resolve(table))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[1].toUpperCase(Locale.ROOT).endsWith(portHex)
                        && LISTEN.equals(fields[3]) && !"0".equals(fields[9])) {
                    inodes.add(fields[9]);
                }
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[")
                            && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException | UnsupportedOperationException e) {
                    return false;
                }
            });
        } catch (IOException | SecurityException e) {
            return false; // gone, or another user's process
        }
    }

    private static Optional<String> commandOf(Path process) {
        try {
            String command = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
            if (command.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(command.length() > MAX_COMMAND_CHARS
                    ? command.substring(0, MAX_COMMAND_CHARS) + "..." : command);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return List.of();
        }
    }
}
