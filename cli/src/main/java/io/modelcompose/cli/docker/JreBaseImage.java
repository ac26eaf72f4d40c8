package io.modelcompose.cli.docker;

import io.modelcompose.runtimeagent.image.BuildRequest;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Builds {@value BaseImage#LOCAL_DEFAULT} on the session's engine from {@link JreBaseContext} (about a minute). */
final class JreBaseImage {
    static final String ORIGIN_LABEL = "compose.base.origin";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private JreBaseImage() {
    }

    /**
     * Builds the base image under {@code tag}.
     *
     * @throws ComposeException RUNTIME_FAILED when this host lacks a tool or the build fails
     */
    static void build(DockerSession docker, String tag) {
        JreBaseContext recipe = JreBaseContext.ofThisHost();
        Path context = null;
        try {
            context = Files.createTempDirectory("compose-jre-base-");
            recipe.writeInto(context);
            BuildRequest request = new BuildRequest(context, context.resolve("Dockerfile"), tag,
                    Map.of(), null, List.of(), Map.of(ORIGIN_LABEL, "compose-cli up"), null, false, line -> { });
            DockerSession.await(docker.images.build(request), BUILD_TIMEOUT);
        } catch (IOException e) {
            throw new ComposeException(ErrorCode.RUNTIME_FAILED, "cannot prepare " + BaseImage.LOCAL_DEFAULT + ": "
                    + e.getMessage(), e);
        } finally {
            deleteTree(context);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
