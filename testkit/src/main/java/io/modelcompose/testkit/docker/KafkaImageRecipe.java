package io.modelcompose.testkit.docker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * {@code compose/kafka:4.1.1}: the jre-base image + the host's bash (Testcontainers' start script is
 * {@code #!/bin/bash}) and its libraries + the broker jars in /opt/kafka/libs + {@code /etc/kafka/docker/run}, which
 * starts a KRaft node from KAFKA_* variables like the apache/kafka image does. Substitutes for {@code apache/kafka}
 * in Testcontainers' {@code KafkaContainer}.
 */
final class KafkaImageRecipe implements ImageRecipe {
    static final String KAFKA_VERSION = "4.1.1";
    private static final String DOCKERFILE = """
            FROM %s
            COPY rootfs/ /
            COPY libs/ /opt/kafka/libs/
            COPY config/ /opt/kafka/config/
            EXPOSE 9092
            CMD ["/etc/kafka/docker/run"]
            """.formatted(LocalImages.JRE_BASE);

    private final Path bash = Processes.onPath("bash");

    @Override
    public String tag() {
        return LocalImages.KAFKA;
    }

    @Override
    public String recipeHash() {
        try {
            return ImageRecipe.sha256("kafka/1", KAFKA_VERSION, DOCKERFILE, KafkaImageFiles.RUN,
                    KafkaImageFiles.LOGBACK, KafkaImageFiles.SIMPLELOGGER, String.valueOf(Files.size(bash)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + bash, e);
        }
    }

    @Override
    public void prepare(Path context) throws IOException {
        Path rootfs = context.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(bash.toRealPath(), rootfs.resolve("bin/bash"));
        NativeLibs.copyInto(NativeLibs.neededBy(List.of(bash.toRealPath()), rootfs), rootfs);
        Path run = rootfs.resolve("etc/kafka/docker/run");
        Files.createDirectories(run.getParent());
        Files.writeString(run, KafkaImageFiles.RUN);
        Files.setPosixFilePermissions(run, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.createDirectories(context.resolve("config"));
        Files.writeString(config.resolve("logback.xml"), KafkaImageFiles.LOGBACK);
        Files.writeString(config.resolve("simplelogger.properties"), KafkaImageFiles.SIMPLELOGGER);
        KafkaJars.copyInto(context.resolve("libs"));
        Files.writeString(context.resolve("Dockerfile"), DOCKERFILE);
    }
}
