package io.modelcompose.testkit.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Images the tests need, built locally because no registry is reachable. Each is built once per machine: skipped
 * when the tag exists and its {@value #RECIPE_LABEL} label matches the recipe's hash. A file lock keeps concurrent
 * test JVMs from building the same image twice.
 */
public final class LocalImages {
    /** FROM scratch + busybox + a jlink'ed JRE 17; {@code java} on PATH, user {@code app} is uid 1000. */
    public static final String JRE_BASE = "compose/jre-base:17";
    /** A Kafka 4.1.1 KRaft node that Testcontainers' {@code KafkaContainer} can run (as a substitute for apache/kafka). */
    public static final String KAFKA = "compose/kafka:" + KafkaImageRecipe.KAFKA_VERSION;
    public static final String RECIPE_LABEL = "compose.recipe";

    private LocalImages() {
    }

    /** Ensures {@link #JRE_BASE} exists and returns its tag. */
    public static synchronized String jreBase() {
        return ensure(new JreBaseRecipe());
    }

    /** Ensures {@link #KAFKA} (and its base) exists and returns its tag. */
    public static synchronized String kafka() {
        jreBase();
        return ensure(new KafkaImageRecipe());
    }

    private static String ensure(ImageRecipe recipe) {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "compose-local-images.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock();
                DockerClient client = TestDocker.newClient()) {
            String hash = recipe.recipeHash();
            if (hash.equals(recipeLabel(client, recipe.tag()))) {
                return recipe.tag();
            }
            long start = System.nanoTime();
            build(client, recipe, hash);
            System.err.printf("[local images] built %s in %.1f s%n", recipe.tag(), (System.nanoTime() - start) / 1e9);
            return recipe.tag();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build " + recipe.tag(), e);
        }
    }

    private static String recipeLabel(DockerClient client, String tag) {
        try {
            Map<String, String> labels = client.inspectImageCmd(tag).exec().getConfig().getLabels();
            return labels == null ? null : labels.get(RECIPE_LABEL);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static void build(DockerClient client, ImageRecipe recipe, String hash) throws IOException {
        Path context = Files.createTempDirectory("compose-image-");
        StringBuilder log = new StringBuilder();
        try {
            recipe.prepare(context);
            client.buildImageCmd()
                    .withBaseDirectory(context.toFile())
                    .withDockerfile(context.resolve("Dockerfile").toFile())
                    .withTags(Set.of(recipe.tag()))
                    .withLabels(Map.of(RECIPE_LABEL, hash))
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(new BuildImageResultCallback() {
                        @Override
                        public void onNext(BuildResponseItem item) {
                            if (item.getStream() != null) {
                                log.append(item.getStream());
                            }
                            super.onNext(item);
                        }
                    })
                    .awaitImageId();
        } catch (RuntimeException e) {
            throw new IllegalStateException("building " + recipe.tag() + " failed: " + e.getMessage() + "\n" + log, e);
        } finally {
            deleteTree(context);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
