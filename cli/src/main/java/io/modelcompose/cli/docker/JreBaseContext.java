package io.modelcompose.cli.docker;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The build context of {@value BaseImage#LOCAL_DEFAULT}, made from this host alone (no registry): FROM scratch, a
 * busybox binary (its applets in /bin), a JRE 17 jlink'ed from this host's JDK into /opt/java, the host libraries
 * those binaries load (found with {@code ldd}), /etc/passwd with root and {@code app} (uid 1000), /tmp mode 1777.
 */
final class JreBaseContext {
    static final List<String> MODULES = List.of("java.base", "java.logging", "java.management", "java.naming",
            "java.net.http", "java.security.jgss", "java.security.sasl", "java.sql", "java.xml", "java.desktop",
            "jdk.unsupported", "jdk.management", "jdk.crypto.ec", "jdk.naming.dns", "jdk.zipfs", "jdk.security.auth");
    static final String DOCKERFILE = """
            FROM scratch
            COPY rootfs/ /
            RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && mkdir -p /tmp /root /home/app \
            && chmod 1777 /tmp && chmod 700 /root && chown 1000:1000 /home/app"]
            ENV PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin JAVA_HOME=/opt/java LANG=C.UTF-8
            CMD ["/bin/sh"]
            """;
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n";
    private static final String GROUP = "root:x:0:\napp:x:1000:\n";
    private static final List<String> SKIPPED_LIBRARIES = List.of("awt", "font", "splash", "jsound", "lcms", "jpeg",
            "mlib");

    private final Path jdk;
    private final Path busybox;

    private JreBaseContext(Path jdk, Path busybox) {
        this.jdk = jdk;
        this.busybox = busybox;
    }

    /** The host's tools, or what is missing (a JDK with jmods, busybox, ldd) in one sentence. */
    static JreBaseContext ofThisHost() {
        List<String> missing = new ArrayList<>();
        Optional<Path> jdk = jdkWithJmods();
        Optional<Path> busybox = onPath("busybox");
        if (jdk.isEmpty()) {
            missing.add("a JDK 17 with jmods (e.g. openjdk-17-jdk)");
        }
        if (busybox.isEmpty()) {
            missing.add("busybox (e.g. busybox-static)");
        }
        if (onPath("ldd").isEmpty()) {
            missing.add("ldd");
        }
        if (!missing.isEmpty()) {
            throw new ComposeException(ErrorCode.RUNTIME_FAILED, "cannot build " + BaseImage.LOCAL_DEFAULT
                    + " on this host: it needs " + String.join(", ", missing));
        }
        return new JreBaseContext(jdk.get(), busybox.get());
    }

    /** Writes the Dockerfile and {@code rootfs/} into {@code context}. */
    void writeInto(Path context) throws IOException {
        Path rootfs = Files.createDirectories(context.resolve("rootfs"));
        Path java = rootfs.resolve("opt/java");
        Files.createDirectories(java.getParent());
        run(List.of(jdk.resolve("bin/jlink").toString(), "--add-modules", String.join(",", MODULES),
                "--output", java.toString(), "--strip-debug", "--no-man-pages", "--no-header-files",
                "--compress=2"), context);
        Path bin = Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(busybox.toRealPath(), bin.resolve("busybox"));
        List<Path> binaries = elfFilesOf(java);
        binaries.add(bin.resolve("busybox"));
        for (Path lib : librariesOf(binaries, rootfs)) {
            Path target = rootfs.resolve(lib.toString().substring(1));
            Files.createDirectories(target.getParent());
            Files.copy(lib.toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), PASSWD);
        Files.writeString(etc.resolve("group"), GROUP);
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    }

    /** Host libraries (and the loader) the binaries load, leaving out those under {@code own}. */
    private static Set<Path> librariesOf(List<Path> binaries, Path own) throws IOException {
        Set<Path> libs = new TreeSet<>();
        for (Path binary : binaries) {
            Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            waitFor(ldd, "ldd " + binary); // a static binary makes ldd exit 1: nothing to copy
            output.lines().map(JreBaseContext::libraryPath).flatMap(Optional::stream).map(Path::normalize)
                    .filter(p -> !p.startsWith(own)).forEach(libs::add);
        }
        return libs;
    }

    /** {@code libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)} or {@code /lib64/ld-linux... (0x...)}. */
    static Optional<Path> libraryPath(String lddLine) {
        String line = lddLine.strip();
        int arrow = line.indexOf("=> ");
        String rest = arrow >= 0 ? line.substring(arrow + 3) : line;
        if (!rest.startsWith("/")) {
            return Optional.empty();
        }
        int space = rest.indexOf(' ');
        return Optional.of(Path.of(space < 0 ? rest : rest.substring(0, space)));
    }

    private static List<Path> elfFilesOf(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return new ArrayList<>(paths.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> p.toString().endsWith(".so") || p.getParent().getFileName().toString().equals("bin"))
                    .filter(p -> SKIPPED_LIBRARIES.stream().noneMatch(p.getFileName().toString()::contains))
                    .toList());
        }
    }

    private static void run(List<String> command, Path dir) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (waitFor(process, command.get(0)) != 0) {
            throw new ComposeException(ErrorCode.RUNTIME_FAILED, "building " + BaseImage.LOCAL_DEFAULT + ": "
                    + Path.of(command.get(0)).getFileName() + " failed: " + output.strip());
        }
    }

    private static int waitFor(Process process, String what) throws IOException {
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException(what + " did not finish within 5 minutes");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + what, e);
        }
    }

    /** This JVM's home or {@code JAVA_HOME}, whichever has jmods and jlink; a Java 17 one first. */
    private static Optional<Path> jdkWithJmods() {
        List<Path> candidates = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"))));
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome));
        }
        List<Path> usable = candidates.stream().filter(h -> Files.isDirectory(h.resolve("jmods"))
                && Files.isExecutable(h.resolve("bin/jlink"))).toList();
        return usable.stream().filter(JreBaseContext::isJava17).findFirst().or(() -> usable.stream().findFirst());
    }

    private static boolean isJava17(Path home) {
        try {
            return Files.readString(home.resolve("release")).contains("JAVA_VERSION=\"17");
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
