package io.modelcompose.shared.config.load;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YField;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import io.modelcompose.shared.config.tree.Problems;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Parses YAML text with SnakeYAML's node API into {@link YNode} trees that keep the line of every value. Duplicate
 * keys are problems; {@code <<} merge keys and aliases are expanded. A file holding several documents yields one tree
 * per document.
 */
public final class YamlReader {
    private static final int MAX_DEPTH = 64;
    /** Values a document may expand to, aliases counted at every use (an alias bomb stops here). */
    static final int MAX_VALUES = 100_000;
    /** Longest scalar, in characters. */
    static final int MAX_SCALAR_LENGTH = 64 * 1024;
    /** Longest line, in characters, checked before parsing (a scanner takes seconds over a line of megabytes). */
    static final int MAX_LINE_LENGTH = 64 * 1024;
    private int values;

    private final String file;
    private final Problems problems;

    private YamlReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The documents of {@code text}; on a syntax error one problem is added and null is returned. */
    public static List<YNode> read(String text, String file, Problems problems) {
        return new YamlReader(file, problems).readAll(text);
    }

    private List<YNode> readAll(String text) {
        if (!linesWithinBound(text)) {
            return null;
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(100);
        options.setCodePointLimit((int) ConfigText.MAX_BYTES);
        options.setNestingDepthLimit(MAX_DEPTH);
        List<YNode> documents = new ArrayList<>();
        try {
            for (Node node : new Yaml(options).composeAll(new StringReader(text))) {
                if (node != null) {
                    documents.add(convert(node, "", 0));
                }
            }
        } catch (Bound e) {
            problems.add(location(e.node.getStartMark()), "", "invalid YAML: " + e.getMessage());
            return null;
        } catch (MarkedYAMLException e) {
            problems.add(location(e.getProblemMark()), "", syntaxMessage(e));
            return null;
        } catch (YAMLException e) {
            problems.add(new SourceLocation(file, 0), "", "invalid YAML: " + e.getMessage());
            return null;
        }
        return documents;
    }

    private boolean linesWithinBound(String text) {
        int start = 0;
        int line = 1;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            if (stop - start > MAX_LINE_LENGTH) {
                problems.add(new SourceLocation(file, line), "", "invalid YAML: a line of " + (stop - start)
                        + " characters, limit " + MAX_LINE_LENGTH);
                return false;
            }
            if (end < 0) {
                return true;
            }
            start = end + 1;
            line++;
        }
        return true;
    }

    private static String syntaxMessage(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
        String context = e.getContext();
        return "invalid YAML: " + (context == null ? problem : context + ", " + problem);
    }

    private YNode convert(Node node, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Bound(node, "nesting deeper than " + MAX_DEPTH + " levels (a recursive alias?)");
        }
        if (++values > MAX_VALUES) {
            throw new Bound(node, "the document expands to more than " + MAX_VALUES + " values (aliases?)");
        }
        if (node instanceof MappingNode mapping) {
            return convertMapping(mapping, path, depth);
        }
        if (node instanceof SequenceNode sequence) {
            List<YNode> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(convert(item, ConfigPath.index(path, items.size()), depth + 1));
            }
            return new YList(items, location(node.getStartMark()));
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.getValue().length() > MAX_SCALAR_LENGTH) {
            throw new Bound(node, "a value of " + scalar.getValue().length() + " characters, limit "
                    + MAX_SCALAR_LENGTH);
        }
        return new YScalar(ScalarTyper.valueOf(scalar), scalar.getValue(), location(node.getStartMark()));
    }

    private YMap convertMapping(MappingNode mapping, String path, int depth) {
        Map<String, YField> fields = new LinkedHashMap<>();
        Map<String, YField> merged = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                collectMerge(tuple.getValueNode(), merged, path, depth);
            } else if (keyNode instanceof ScalarNode key) {
                String keyPath = ConfigPath.child(path, key.getValue());
                addField(fields, key, keyPath, convert(tuple.getValueNode(), keyPath, depth + 1));
            } else {
                problems.add(location(keyNode.getStartMark()), path, "keys must be plain strings");
            }
        }
        merged.forEach(fields::putIfAbsent);
        return new YMap(fields, location(mapping.getStartMark()));
    }

    private void addField(Map<String, YField> fields, ScalarNode key, String keyPath, YNode value) {
        SourceLocation keyLocation = location(key.getStartMark());
        YField previous = fields.get(key.getValue());
        if (previous != null) {
            problems.add(keyLocation, keyPath, "duplicate key '" + key.getValue() + "' (first written at line "
                    + previous.keyLocation().line() + ")");
            return;
        }
        fields.put(key.getValue(), new YField(key.getValue(), keyLocation, value));
    }

    private void collectMerge(Node source, Map<String, YField> merged, String path, int depth) {
        if (source instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> collectMerge(item, merged, path, depth));
        } else if (convert(source, path, depth + 1) instanceof YMap map) {
            map.entries().forEach(field -> merged.putIfAbsent(field.key(), field));
        } else {
            problems.add(location(source.getStartMark()), path, "a '<<' merge key needs a mapping or a list of mappings");
        }
    }

    /** A bound of the reader was passed at this node. */
    private static final class Bound extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Node node;

        Bound(Node node, String message) {
            super(message, null, false, false);
            this.node = node;
        }
    }

    private SourceLocation location(Mark mark) {
        return new SourceLocation(file, mark == null ? 0 : mark.getLine() + 1);
    }
}
