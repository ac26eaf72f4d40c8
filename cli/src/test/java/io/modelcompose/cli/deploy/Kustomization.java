package io.modelcompose.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One kustomization folder read without kustomize: its {@code kustomization.yaml} and each listed manifest, bound
 * to the fabric8 model class of its kind.
 *
 * @param dir the folder
 * @param spec the parsed kustomization.yaml
 * @param resources the manifests listed under {@code resources:} that are files in this folder
 */
record Kustomization(Path dir, JsonNode spec, List<HasMetadata> resources) {
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "apps/v1/DaemonSet", DaemonSet.class,
            "apps/v1/StatefulSet", StatefulSet.class,
            "v1/Service", Service.class,
            "v1/Namespace", Namespace.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    static Kustomization load(Path dir) {
        JsonNode spec = tree(dir.resolve("kustomization.yaml"));
        List<HasMetadata> resources = new ArrayList<>();
        for (String entry : strings(spec.path("resources"))) {
            Path file = dir.resolve(entry).normalize();
            if (Files.isRegularFile(file)) {
                resources.add(manifest(file));
            }
        }
        return new Kustomization(dir, spec, resources);
    }

    /** Binds a one-document manifest to the model class of its apiVersion and kind. */
    static HasMetadata manifest(Path file) {
        JsonNode node = tree(file);
        String key = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        Class<? extends HasMetadata> type = KINDS.get(key);
        if (type == null) {
            throw new IllegalArgumentException(file + ": no model class for " + key);
        }
        try {
            return RepoFiles.YAML.treeToValue(node, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + file, e);
        }
    }

    static JsonNode tree(Path file) {
        try {
            return RepoFiles.YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    /** The YAML files of this folder that are manifests (not kustomization.yaml). */
    List<String> manifestFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    <T extends HasMetadata> T resource(Class<T> type, String name) {
        return resources.stream().filter(type::isInstance).map(type::cast)
                .filter(r -> r.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " '" + name + "' in " + dir));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The names that a generator of this kind ({@code configMapGenerator}, {@code secretGenerator}) creates. */
    List<String> generated(String generator) {
        List<String> names = new ArrayList<>();
        spec.path(generator).forEach(g -> names.add(g.path("name").asText()));
        return names;
    }

    JsonNode generator(String generator, String name) {
        for (JsonNode g : spec.path(generator)) {
            if (g.path("name").asText().equals(name)) {
                return g;
            }
        }
        throw new AssertionError("no " + generator + " '" + name + "' in " + dir);
    }
}
