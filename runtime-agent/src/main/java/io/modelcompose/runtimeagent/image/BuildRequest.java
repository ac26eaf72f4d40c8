package io.modelcompose.runtimeagent.image;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One image build.
 *
 * @param context the build context folder
 * @param dockerfile the Dockerfile, inside {@code context}
 * @param tag the tag to give the image
 * @param args build arguments
 * @param target multi-stage target, or null
 * @param cacheFrom cache source images
 * @param labels image labels
 * @param network network mode during RUN steps, or null
 * @param pull always pull the base image
 * @param log receives every build output line
 */
public record BuildRequest(
        Path context,
        Path dockerfile,
        String tag,
        Map<String, String> args,
        String target,
        List<String> cacheFrom,
        Map<String, String> labels,
        String network,
        boolean pull,
        Consumer<String> log) {

    public BuildRequest {
        args = Map.copyOf(args);
        cacheFrom = List.copyOf(cacheFrom);
        labels = Map.copyOf(labels);
    }
}
