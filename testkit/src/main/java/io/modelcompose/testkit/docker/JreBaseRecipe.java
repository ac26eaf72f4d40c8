package io.modelcompose.testkit.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code compose/jre-base:17}: FROM scratch + busybox-static (applets installed in /bin) + a jlink'ed JRE 17 in
 * /opt/java (modules enough for Vert.x, Netty, Kafka clients and broker, Jackson, Logback) + the glibc libraries
 * the JRE loads + /etc/passwd with root and an {@code app} user (uid 1000) + /tmp with mode 1777.
 */
final class JreBaseRecipe implements ImageRecipe {
    static final List<String> MODULES = List.of("java.base", "java.logging", "java.management", "java.naming",
            "java.net.http", "java.security.jgss", "java.security.sasl", "java.sql", "java.xml", "java.desktop",
            "jdk.unsupported", "jdk.management", "jdk.crypto.ec", "jdk.naming.dns", "jdk.zipfs", "jdk.security.auth");
    private static final List<String> JLINK_OPTIONS = List.of("--strip-debug", "--no-man-pages",
            "--no-header-files", "--compress=2");
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n";
    private static final String GROUP = "root:x:0:\napp:x:1000:\n";
    private static final String DOCKERFILE = """
            FROM scratch
            COPY rootfs/ /
            RUN ["/bin/busybox", "sh", "-c", "/bin/busybox --install -s /bin && mkdir -p /tmp /root /home/app \
            && chmod 1777 /tmp && chmod 700 /root && chown 1000:1000 /home/app"]
            ENV PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin JAVA_HOME=/opt/java LANG=C.UTF-8
            CMD ["/bin/sh"]
            """;

    private final Path jdkHome = jdkWithJmods();
    private final Path busybox = Processes.onPath("busybox");

    @Override
    public String tag() {
        return LocalImages.JRE_BASE;
    }

    @Override
    public String recipeHash() {
        try {
            String release = Files.readString(jdkHome.resolve("release"), StandardCharsets.UTF_8);
            return ImageRecipe.sha256("jre-base/1", DOCKERFILE, String.join(",", MODULES),
                    String.join(" ", JLINK_OPTIONS), PASSWD, GROUP, release, String.valueOf(Files.size(busybox)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + jdkHome.resolve("release"), e);
        }
    }

    @Override
    public void prepare(Path context) throws IOException {
        Path rootfs = Files.createDirectories(context.resolve("rootfs"));
        Path java = rootfs.resolve("opt/java");
        Files.createDirectories(java.getParent());
        List<String> jlink = new ArrayList<>(List.of(jdkHome.resolve("bin/jlink").toString(),
                "--add-modules", String.join(",", MODULES), "--output", java.toString()));
        jlink.addAll(JLINK_OPTIONS);
        Processes.run(context, 300, jlink);
        NativeLibs.copyInto(NativeLibs.neededBy(NativeLibs.elfFilesOf(java), rootfs), rootfs);
        Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(busybox.toRealPath(), rootfs.resolve("bin/busybox"));
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), PASSWD);
        Files.writeString(etc.resolve("group"), GROUP);
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    }

    /** The JDK to jlink from: a JDK 17 with jmods (this JVM's home, else {@code JAVA_HOME}), else any with jmods. */
    static Path jdkWithJmods() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(System.getProperty("java.home")));
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null) {
            candidates.add(Path.of(javaHome));
        }
        List<Path> withJmods = candidates.stream()
                .filter(home -> Files.isDirectory(home.resolve("jmods")) && Files.isExecutable(home.resolve("bin/jlink")))
                .toList();
        for (Path home : withJmods) {
            if (isJava17(home)) {
                return home;
            }
        }
        if (!withJmods.isEmpty()) {
            return withJmods.get(0);
        }
        throw new IllegalStateException("no JDK with jmods found (looked in " + candidates
                + "); install a full JDK 17 (e.g. openjdk-17-jdk) to build " + LocalImages.JRE_BASE);
    }

    private static boolean isJava17(Path home) {
        try {
            return Files.readString(home.resolve("release")).contains("JAVA_VERSION=\"17");
        } catch (IOException e) {
            return false;
        }
    }
}
