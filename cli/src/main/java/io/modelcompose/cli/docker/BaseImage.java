package io.modelcompose.cli.docker;

import io.modelcompose.runtimeagent.image.DockerContextSpec;
import io.modelcompose.runtimeagent.image.ImageService;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@code BASE_IMAGE} of the generated Dockerfile: {@code COMPOSE_BASE_IMAGE} when set, else the locally built
 * {@value #LOCAL_DEFAULT}; when that one is not on the engine, {@link DockerContextSpec#DEFAULT_BASE_IMAGE} (pulled
 * from a registry) with a note.
 */
public final class BaseImage {
    public static final String ENV = "COMPOSE_BASE_IMAGE";
    public static final String LOCAL_DEFAULT = "compose/jre-base:17";

    private BaseImage() {
    }

    /** The base image to build on; {@code isLocal} tells whether the engine has an image. */
    public static String choose(Map<String, String> env, Predicate<String> isLocal,
            Consumer<String> log) {
        String chosen = env.get(ENV);
        if (chosen != null && !chosen.isBlank()) {
            return chosen.strip();
        }
        if (isLocal.test(LOCAL_DEFAULT)) {
            return LOCAL_DEFAULT;
        }
        log.accept("base image " + LOCAL_DEFAULT + " is not on this engine; building on "
                + DockerContextSpec.DEFAULT_BASE_IMAGE + " (set " + ENV + " to choose another)");
        return DockerContextSpec.DEFAULT_BASE_IMAGE;
    }

    /** The build arguments of the generated context. */
    public static Map<String, String> buildArgs(String baseImage) {
        return Map.of(ImageService.BASE_IMAGE_ARG, baseImage);
    }
}
