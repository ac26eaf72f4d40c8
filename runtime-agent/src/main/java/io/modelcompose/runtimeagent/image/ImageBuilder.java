package io.modelcompose.runtimeagent.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.modelcompose.runtimeagent.docker.EngineErrors;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds an image with the engine's builder, streaming the output lines. A failed build names the step that failed
 * ({@code Step 3/5 : RUN false}) and the engine's message.
 */
final class ImageBuilder {
    private final DockerClient client;

    ImageBuilder(DockerClient client) {
        this.client = client;
    }

    /** Builds and returns the image id. */
    String build(BuildRequest request) {
        if (!Files.isDirectory(request.context())) {
            throw new ComposeException(ErrorCode.CONFIG_INVALID, "build context " + request.context()
                    + " is not a folder");
        }
        if (!Files.isRegularFile(request.dockerfile())) {
            throw new ComposeException(ErrorCode.CONFIG_INVALID, "Dockerfile " + request.dockerfile()
                    + " does not exist");
        }
        StepTracker steps = new StepTracker(request.log());
        try {
            return command(request).exec(steps).awaitImageId();
        } catch (RuntimeException e) {
            String where = steps.lastStep == null ? "" : " at " + steps.lastStep;
            throw new ComposeException(ErrorCode.RUNTIME_FAILED, "image build of " + request.tag() + " failed" + where
                    + ": " + buildError(steps, e), e);
        }
    }

    private BuildImageCmd command(BuildRequest request) {
        BuildImageCmd cmd = client.buildImageCmd()
                .withBaseDirectory(request.context().toFile())
                .withDockerfile(request.dockerfile().toFile())
                .withTags(new HashSet<>(List.of(request.tag())))
                .withPull(request.pull())
                .withRemove(true)
                .withForcerm(true);
        request.args().forEach(cmd::withBuildArg);
        if (request.target() != null) {
            cmd.withTarget(request.target());
        }
        if (!request.cacheFrom().isEmpty()) {
            cmd.withCacheFrom(new HashSet<>(request.cacheFrom()));
        }
        if (!request.labels().isEmpty()) {
            cmd.withLabels(request.labels());
        }
        if (request.network() != null) {
            cmd.withNetworkMode(request.network());
        }
        return cmd;
    }

    private static String buildError(StepTracker steps, RuntimeException e) {
        return steps.error != null ? steps.error : EngineErrors.engineMessage(e).replaceFirst("^Could not build image: ", "");
    }

    /** Forwards output lines and remembers the last {@code Step n/m : ...} line and the error. */
    private static final class StepTracker extends BuildImageResultCallback {
        private final Consumer<String> log;
        private volatile String lastStep;
        private volatile String error;

        StepTracker(Consumer<String> log) {
            this.log = log;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
                item.getStream().lines().filter(l -> !l.isBlank()).forEach(this::line);
            }
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : "the engine reported an error without a message";
                log.accept("ERROR: " + error);
            }
            super.onNext(item);
        }

        private void line(String line) {
            if (line.startsWith("Step ")) {
                lastStep = line.strip();
            }
            log.accept(line);
        }
    }
}
