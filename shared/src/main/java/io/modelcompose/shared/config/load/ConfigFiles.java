package io.modelcompose.shared.config.load;

import io.modelcompose.shared.config.LoadRequest;
import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.tree.Problems;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the config files ({@code -f} files, else {@code model-compose.yml}, else {@code model-compose.yaml} in the
 * project folder) and reads them into one merged tree. Several documents in one file ({@code ---}) merge in order,
 * like several files.
 */
public final class ConfigFiles {
    static final List<String> DEFAULT_NAMES = List.of("model-compose.yml", "model-compose.yaml");

    private ConfigFiles() {
    }

    public static List<ConfigSource> discover(LoadRequest request, Problems problems) {
        if (!request.files().isEmpty()) {
            List<ConfigSource> sources = new ArrayList<>();
            for (Path file : request.files()) {
                sources.add(new ConfigSource(request.projectDir().resolve(file), file.toString()));
            }
            return sources;
        }
        for (String name : DEFAULT_NAMES) {
            Path candidate = request.projectDir().resolve(name);
            if (Files.isRegularFile(candidate)) {
                return List.of(new ConfigSource(candidate, name));
            }
        }
        problems.add(new SourceLocation(request.projectDir().toString(), 0), "",
                "no model-compose.yml or model-compose.yaml found; name the config file with -f FILE");
        return List.of();
    }

    /**
     * The merged tree of some files.
     *
     * @param tree the merged mapping (empty when there is nothing)
     * @param complete every file was found and parsed
     */
    public record Merged(YMap tree, boolean complete) {
    }

    /** Reads, normalises and merges {@code sources}. */
    public static Merged readMerged(List<ConfigSource> sources, Problems problems) {
        String first = sources.isEmpty() ? "<none>" : sources.get(0).name();
        YNode merged = YMap.empty(new SourceLocation(first, 1));
        boolean complete = !sources.isEmpty();
        for (ConfigSource source : sources) {
            List<YNode> documents = readDocuments(source, problems);
            complete &= documents != null;
            for (YNode document : documents == null ? List.<YNode>of() : documents) {
                merged = TreeMerger.merge(merged, Shorthands.normalize(document, problems));
            }
        }
        return new Merged((YMap) merged, complete);
    }

    /** The documents of one file, or null when it cannot be read or parsed (reported). */
    private static List<YNode> readDocuments(ConfigSource source, Problems problems) {
        String text = readText(source, problems);
        if (text == null) {
            return null;
        }
        List<YNode> parsed = YamlReader.read(text, source.name(), problems);
        if (parsed == null) {
            return null;
        }
        List<YNode> documents = new ArrayList<>();
        for (YNode document : parsed) {
            if (document instanceof YMap) {
                documents.add(document);
            } else if (!(document instanceof YScalar scalar && scalar.isNull())) {
                problems.wrongType(document, "", "a mapping at the top level");
            }
        }
        return documents;
    }

    private static String readText(ConfigSource source, Problems problems) {
        if (!Files.isRegularFile(source.path())) {
            problems.add(new SourceLocation(source.name(), 0), "", "config file not found");
            return null;
        }
        return ConfigText.read(source.path(), source.name(), problems);
    }
}
