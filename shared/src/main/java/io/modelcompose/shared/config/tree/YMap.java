package io.modelcompose.shared.config.tree;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping with string keys, in file order. Instances are immutable; the {@code with}/{@code without}
 * methods return changed copies.
 *
 * @param fields the fields by key, in file order
 * @param location where the mapping starts
 */
public record YMap(Map<String, YField> fields, SourceLocation location) implements YNode {

    public YMap {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static YMap empty(SourceLocation location) {
        return new YMap(Map.of(), location);
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /** The value of {@code key}, or null when the key is absent. */
    public YNode get(String key) {
        YField field = fields.get(key);
        return field == null ? null : field.value();
    }

    public YField field(String key) {
        return fields.get(key);
    }

    public Set<String> keys() {
        return fields.keySet();
    }

    public Collection<YField> entries() {
        return fields.values();
    }

    /** A copy with {@code field} added or replaced (a replaced key keeps its position). */
    public YMap with(YField field) {
        Map<String, YField> copy = new LinkedHashMap<>(fields);
        copy.put(field.key(), field);
        return new YMap(copy, location);
    }

    public YMap without(String key) {
        Map<String, YField> copy = new LinkedHashMap<>(fields);
        copy.remove(key);
        return new YMap(copy, location);
    }

    /** The text of scalar field {@code key}, or null when absent, null or not a scalar. */
    public String text(String key) {
        return get(key) instanceof YScalar s && !s.isNull() ? s.text() : null;
    }

    @Override
    public String describe() {
        return "a mapping";
    }

    @Override
    public Object toPlain() {
        Map<String, Object> plain = new LinkedHashMap<>();
        fields.forEach((key, field) -> plain.put(key, field.value().toPlain()));
        return Collections.unmodifiableMap(plain);
    }
}
