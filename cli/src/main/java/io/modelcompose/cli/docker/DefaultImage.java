package io.modelcompose.cli.docker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.exception.NotFoundException;
import io.modelcompose.runtimeagent.image.DockerContextSpec;
import io.modelcompose.shared.config.docker.BuildOptions;
import io.modelcompose.shared.config.docker.DockerOptions;
import io.modelcompose.shared.config.docker.PortMapping;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The project's default image (neither {@code image:} nor {@code build:} written) is built only when its inputs
 * changed: the build labels the image with a fingerprint of the application jars, the broker jars, the config tree,
 * the port and the base image; an image carrying the same fingerprint is used as it is, so that the generated
 * {@code .docker/} context is neither written nor sent to the engine again.
 */
final class DefaultImage {
    static final String LABEL = "compose.context-hash";
    private static final String FORMAT = "default-image/2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private DefaultImage() {
    }

    static boolean applies(DockerOptions options) {
        return options.image() == null && options.build() == null;
    }

    /**
     * The options to deploy with: {@code image: tag} when the engine's image is up to date, else the options with a
     * build that labels the new image with {@code fingerprint}.
     */
    static DockerOptions choose(DockerOptions options, String tag, String fingerprint, Optional<String> current) {
        if (current.isPresent() && current.get().equals(fingerprint)) {
            return copy(options, tag, null);
        }
        BuildOptions labelled = new BuildOptions(null, null, Map.of(), null, List.of(), Map.of(LABEL, fingerprint),
                null, false);
        return copy(options, null, labelled);
    }

    /** The fingerprint label of an image, if the engine has the image and it carries one. */
    static Optional<String> currentFingerprint(DockerSession docker, String tag) {
        return DockerSession.await(docker.executor.submit("inspect image " + tag, c -> {
            try {
                Map<String, String> labels = c.inspectImageCmd(tag).exec().getConfig().getLabels();
                return Optional.ofNullable(labels == null ? null : labels.get(LABEL));
            } catch (NotFoundException e) {
                return Optional.<String>empty();
            }
        }), CALL_TIMEOUT);
    }

    /** The id of an image on the engine, or "absent". */
    static String imageId(DockerSession docker, String reference) {
        return DockerSession.await(docker.images.localImageId(reference), CALL_TIMEOUT).orElse("absent");
    }

    static String fingerprint(List<Path> appJars, Path brokerLib, Map<String, Object> tree, int port,
            String baseImage, String baseImageId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> parts = new ArrayList<>(List.of(FORMAT, String.join(" ", DockerContextSpec.DEFAULT_COMMAND),
                    JSON.writeValueAsString(tree), Integer.toString(port), baseImage, baseImageId));
            for (Path jar : appJars) {
                parts.add(describe(jar));
            }
            for (Path jar : jarsIn(brokerLib)) {
                parts.add("kafka/" + describe(jar));
            }
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new ComposeException(ErrorCode.INTERNAL, "cannot fingerprint the default image: " + e.getMessage(), e);
        }
    }

    private static String describe(Path jar) {
        try {
            return jar.getFileName() + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return jar.getFileName() + ":missing";
        }
    }

    private static List<Path> jarsIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static DockerOptions copy(DockerOptions o, String image, BuildOptions build) {
        return copy(o, image, build, o.ports());
    }

    /** {@code o} publishing {@code ports} instead. */
    static DockerOptions withPorts(DockerOptions o, List<PortMapping> ports) {
        return copy(o, o.image(), o.build(), ports);
    }

    private static DockerOptions copy(DockerOptions o, String image, BuildOptions build, List<PortMapping> ports) {
        return new DockerOptions(image, o.containerName(), build, ports, o.networks(), o.hostname(), o.command(),
                o.entrypoint(), o.workingDir(), o.user(), o.memLimitBytes(), o.memswapLimitBytes(), o.cpus(),
                o.cpuShares(), o.restart(), o.healthcheck(), o.privileged(), o.securityOpt(), o.logging(), o.labels(),
                o.volumes(), o.environment(), o.envFile(), o.locations());
    }
}
