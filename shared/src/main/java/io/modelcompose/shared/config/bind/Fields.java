package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.Problems;
import io.modelcompose.shared.config.tree.YField;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the keys of one mapping with their types. Every read that finds a wrong value reports a problem at the
 * value's line and returns the default (or null), so binding goes on and all problems are collected.
 */
final class Fields {
    private final YMap map;
    private final String path;
    private final Problems problems;

    Fields(YMap map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** Fields of {@code node}; when it is not a mapping a problem is reported and the fields are empty. */
    static Fields of(YNode node, String path, Problems problems) {
        if (node instanceof YMap map) {
            return new Fields(map, path, problems);
        }
        problems.wrongType(node, path, "a mapping");
        return new Fields(YMap.empty(node.location()), path, problems);
    }

    YMap map() {
        return map;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    SourceLocation location() {
        return map.location();
    }

    String path(String key) {
        return ConfigPath.child(path, key);
    }

    /** The value of {@code key}, or null when it is absent or written empty. */
    YNode node(String key) {
        YNode node = map.get(key);
        return node instanceof YScalar scalar && scalar.isNull() ? null : node;
    }

    boolean has(String key) {
        return node(key) != null;
    }

    SourceLocation keyLocation(String key) {
        YField field = map.field(key);
        return field == null ? map.location() : field.keyLocation();
    }

    /** Reports {@code message} at the value of {@code key} (or at the mapping when the key is absent). */
    void problem(String key, String message) {
        YNode node = key == null ? null : map.get(key);
        problems.add(node == null ? map.location() : node.location(), node == null ? path : path(key), message);
    }

    /** Reports a problem at the mapping itself. */
    void problem(String message) {
        problems.add(map.location(), path, message);
    }

    /** Reports every key that is not in {@code allowed}, with a "did you mean" hint. */
    void allowOnly(Collection<String> allowed) {
        for (YField field : map.entries()) {
            if (!allowed.contains(field.key())) {
                problems.add(field.keyLocation(), path(field.key()),
                        "unknown key '" + field.key() + "'" + Suggestions.hint(field.key(), allowed));
            }
        }
    }

    /**
     * Like {@link #allowOnly(Collection)}, but a key of {@code acceptedUnused} (an upstream key we parse and do not act
     * on) is accepted with one warning naming it and saying why.
     */
    void allowOnly(Collection<String> allowed, Map<String, String> acceptedUnused) {
        for (YField field : map.entries()) {
            String reason = acceptedUnused.get(field.key());
            if (reason != null && !allowed.contains(field.key())) {
                problems.warn(field.keyLocation(), path(field.key()), "accepted but not acted on: " + reason);
            }
        }
        List<String> all = new java.util.ArrayList<>(allowed);
        all.addAll(acceptedUnused.keySet());
        allowOnly(all);
    }

    void requireKey(String key, String hint) {
        if (!has(key)) {
            problem("missing required key '" + key + "'" + hint);
        }
    }

    String string(String key) {
        YNode node = node(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YScalar scalar) {
            return scalar.text();
        }
        problems.wrongType(node, path(key), "a string");
        return null;
    }

    String string(String key, String defaultValue) {
        String value = string(key);
        return value == null ? defaultValue : value;
    }

    /** The value as a plain template (Map, List, String, Number, Boolean), or null. */
    Object template(String key) {
        YNode node = node(key);
        return node == null ? null : node.toPlain();
    }

    YList list(String key) {
        YNode node = node(key);
        if (node == null || node instanceof YList) {
            return (YList) node;
        }
        problems.wrongType(node, path(key), "a list");
        return null;
    }

    Integer integer(String key) {
        YNode node = node(key);
        return node == null ? null : Values.integer(node, path(key), problems);
    }

    /** An integer in {@code [min, max]}, or {@code defaultValue} when absent or invalid. */
    int integer(String key, int defaultValue, int min, int max) {
        Integer value = integer(key);
        if (value == null) {
            return defaultValue;
        }
        if (value < min || value > max) {
            problem(key, "expected " + Values.range(min, max) + ", got " + value);
            return defaultValue;
        }
        return value;
    }

    Boolean bool(String key) {
        YNode node = node(key);
        return node == null ? null : Values.bool(node, path(key), problems);
    }

    boolean bool(String key, boolean defaultValue) {
        Boolean value = bool(key);
        return value == null ? defaultValue : value;
    }

    /** One of {@code allowed} (compared as written), or {@code defaultValue} when absent or invalid. */
    String choice(String key, String defaultValue, List<String> allowed) {
        String value = string(key);
        if (value == null) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            problem(key, "invalid value '" + value + "' (allowed: " + String.join(", ", allowed) + ")");
            return defaultValue;
        }
        return value;
    }

    Duration duration(String key) {
        YNode node = node(key);
        return node == null ? null : Values.duration(node, path(key), problems);
    }

    Duration duration(String key, Duration defaultValue) {
        Duration value = duration(key);
        return value == null ? defaultValue : value;
    }

    Long size(String key) {
        YNode node = node(key);
        return node == null ? null : Values.size(node, path(key), problems);
    }

    Double positiveNumber(String key) {
        YNode node = node(key);
        return node == null ? null : Values.positiveNumber(node, path(key), problems);
    }

    /** A string, or a list of strings; null when absent. */
    List<String> stringOrList(String key) {
        YNode node = node(key);
        return node == null ? null : Values.stringOrList(node, path(key), problems);
    }

    /** A list of strings (a single string is a list of one); empty when absent. */
    List<String> strings(String key) {
        List<String> values = stringOrList(key);
        return values == null ? List.of() : values;
    }
}
