package io.modelcompose.shared.config.docker;

import java.util.List;
import java.util.Map;

/**
 * Image build options.
 *
 * @param context build context folder (relative to the project folder)
 * @param dockerfile Dockerfile path relative to the context, or null for the generated default
 * @param args build arguments
 * @param target multi-stage target, or null
 * @param cacheFrom images to use as cache sources
 * @param labels image labels
 * @param network network mode during the build, or null
 * @param pull always pull the base image
 */
public record BuildOptions(
        String context,
        String dockerfile,
        Map<String, String> args,
        String target,
        List<String> cacheFrom,
        Map<String, String> labels,
        String network,
        boolean pull) {

    public BuildOptions {
        args = Map.copyOf(args);
        cacheFrom = List.copyOf(cacheFrom);
        labels = Map.copyOf(labels);
    }
}
