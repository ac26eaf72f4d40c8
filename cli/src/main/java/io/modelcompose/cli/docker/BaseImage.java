package io.modelcompose.cli.docker;

import io.modelcompose.runtimeagent.image.DockerContextSpec;
import io.modelcompose.runtimeagent.image.ImageService;
import io.modelcompose.shared.error.ComposeException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The {@code BASE_IMAGE} of the generated Dockerfile: {@code COMPOSE_BASE_IMAGE} when set, else the local
 * {@value #LOCAL_DEFAULT}. {@code up} builds that one from this host when the engine lacks it ({@link #provide});
 * only where it cannot be built does the choice fall back to {@link DockerContextSpec#DEFAULT_BASE_IMAGE} (a
 * registry image), with a note saying why.
 */
public final class BaseImage {
    public static final String ENV = "COMPOSE_BASE_IMAGE";
    public static final String LOCAL_DEFAULT = "compose/jre-base:17";

    private BaseImage() {
    }

    /**
     * The base image without building anything (an agent waiting for commands): the local default when the engine
     * has it, else the registry image, which {@code log} is told about.
     */
    public static String choose(Map<String, String> env, Predicate<String> isLocal, Consumer<String> log) {
        String chosen = configured(env);
        if (chosen != null) {
            return chosen;
        }
        if (isLocal.test(LOCAL_DEFAULT)) {
            return LOCAL_DEFAULT;
        }
        log.accept("base image " + LOCAL_DEFAULT + " is not on this engine; building on "
                + DockerContextSpec.DEFAULT_BASE_IMAGE + " (set " + ENV + " to choose another)");
        return DockerContextSpec.DEFAULT_BASE_IMAGE;
    }

    /**
     * The base image of an image about to be built: the local default, built first by {@code buildLocal} when the
     * engine lacks it (no registry needed); the registry image only when that build cannot be done here.
     */
    public static String provide(Map<String, String> env, Predicate<String> isLocal, Runnable buildLocal,
            Consumer<String> status) {
        String chosen = configured(env);
        if (chosen != null || isLocal.test(LOCAL_DEFAULT)) {
            return chosen != null ? chosen : LOCAL_DEFAULT;
        }
        try {
            status.accept("building the base image " + LOCAL_DEFAULT + " from this host's JDK and busybox"
                    + " (once per engine, no registry)...");
            buildLocal.run();
            return LOCAL_DEFAULT;
        } catch (ComposeException e) {
            status.accept(e.getMessage() + "; building on " + DockerContextSpec.DEFAULT_BASE_IMAGE
                    + " from a registry instead (set " + ENV + " to choose another)");
            return DockerContextSpec.DEFAULT_BASE_IMAGE;
        }
    }

    /** The build arguments of the generated context. */
    public static Map<String, String> buildArgs(String baseImage) {
        return Map.of(ImageService.BASE_IMAGE_ARG, baseImage);
    }

    private static String configured(Map<String, String> env) {
        String chosen = env.get(ENV);
        return chosen == null || chosen.isBlank() ? null : chosen.strip();
    }
}
