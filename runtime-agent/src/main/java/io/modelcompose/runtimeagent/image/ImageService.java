package io.modelcompose.runtimeagent.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.modelcompose.runtimeagent.docker.DockerExecutor;
import io.modelcompose.runtimeagent.docker.EngineErrors;
import io.modelcompose.shared.config.docker.BuildOptions;
import io.modelcompose.shared.config.docker.DockerOptions;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The image flow of SPEC section 7, on the docker executor:
 * <ul>
 *   <li>{@code build:} with {@code dockerfile} (or with {@code target}, which only a user's multi-stage Dockerfile
 *   can have; then {@code <context>/Dockerfile}) → build that context (layer cache makes repeats cheap);</li>
 *   <li>{@code build:} without either → build the generated context with the build options' args and labels;</li>
 *   <li>{@code image:} only → the local image, else pull (credentials from {@code config.json}), else build the
 *   generated context under that tag;</li>
 *   <li>neither → build the generated context as {@code compose/<project>:latest}.</li>
 * </ul>
 */
public final class ImageService {
    /** The build argument that selects the JRE base image of the generated Dockerfile. */
    public static final String BASE_IMAGE_ARG = "BASE_IMAGE";
    private static final Logger LOG = LoggerFactory.getLogger(ImageService.class);

    private final DockerExecutor docker;
    private final RegistryAuths auths;

    public ImageService(DockerExecutor docker, RegistryAuths auths) {
        this.docker = docker;
        this.auths = auths;
    }

    public CompletableFuture<ImageResult> ensure(ImageRequest request) {
        return docker.submit("provide the image of project " + request.project(), c -> ensure(c, request));
    }

    /** Builds one image and returns its id. */
    public CompletableFuture<String> build(BuildRequest request) {
        return docker.submit("build image " + request.tag(), c -> new ImageBuilder(c).build(request));
    }

    /** The local image's id, if the engine has it. */
    public CompletableFuture<Optional<String>> localImageId(String reference) {
        return docker.submit("inspect image " + reference, c -> localId(c, reference));
    }

    private ImageResult ensure(DockerClient client, ImageRequest request) {
        DockerOptions options = request.options();
        String tag = ImageRefs.imageFor(options, request.project());
        BuildOptions build = options.build();
        if (build != null && (build.dockerfile() != null || build.target() != null)) {
            return built(client, userBuild(request, build, tag), null);
        }
        if (build == null && options.image() != null) {
            Optional<String> local = localId(client, tag);
            if (local.isPresent()) {
                return new ImageResult(tag, local.get(), ImageResult.Origin.LOCAL, null);
            }
            try {
                request.log().accept("pulling " + tag);
                new ImagePuller(client, auths).pull(tag);
                return new ImageResult(tag, localId(client, tag).orElse(null), ImageResult.Origin.PULLED, null);
            } catch (ComposeException e) {
                LOG.info("{}; building {} from the generated context", e.getMessage(), tag);
                request.log().accept(e.getMessage() + "; building from the generated context instead");
                return built(client, generatedBuild(request, build, tag), e.getMessage());
            }
        }
        return built(client, generatedBuild(request, build, tag), null);
    }

    private ImageResult built(DockerClient client, BuildRequest build, String note) {
        String shortId = new ImageBuilder(client).build(build);
        String id = localId(client, build.tag()).orElse(shortId);
        return new ImageResult(build.tag(), id, ImageResult.Origin.BUILT, note);
    }

    private static BuildRequest userBuild(ImageRequest request, BuildOptions build, String tag) {
        Path context = request.projectDir().resolve(build.context() == null ? "." : build.context()).normalize();
        String dockerfile = build.dockerfile() == null ? "Dockerfile" : build.dockerfile();
        return new BuildRequest(context, context.resolve(dockerfile).normalize(), tag, build.args(), build.target(),
                build.cacheFrom(), build.labels(), build.network(), build.pull(), request.log());
    }

    private static BuildRequest generatedBuild(ImageRequest request, BuildOptions build, String tag) {
        Path context = request.generatedContext().get();
        Map<String, String> args = new HashMap<>(request.generatedArgs());
        if (build == null) {
            return new BuildRequest(context, context.resolve(DockerContextWriter.DOCKERFILE), tag, args, null,
                    List.of(), Map.of(), null, false, request.log());
        }
        args.putAll(build.args());
        return new BuildRequest(context, context.resolve(DockerContextWriter.DOCKERFILE), tag, args, null,
                build.cacheFrom(), build.labels(), build.network(), build.pull(), request.log());
    }

    private static Optional<String> localId(DockerClient client, String reference) {
        try {
            return Optional.ofNullable(client.inspectImageCmd(reference).exec().getId());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new ComposeException(ErrorCode.RUNTIME_FAILED, "cannot inspect image " + reference + ": "
                    + EngineErrors.engineMessage(e), e);
        }
    }
}
