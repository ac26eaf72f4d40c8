package io.modelcompose.shared.config.load;

import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.Problems;
import io.modelcompose.shared.config.tree.YField;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Rewrites the shorthand forms of one document before files are merged, so that {@code component:} in one file and
 * {@code components:} in another merge: singular keys ({@code component}, {@code workflow}, {@code logger},
 * {@code action}, {@code job}) become their list keys, a single {@code loggers} mapping becomes a
 * list of one, and {@code runtime: docker} becomes {@code runtime: {type: docker}}.
 */
public final class Shorthands {
    private final Problems problems;

    private Shorthands(Problems problems) {
        this.problems = problems;
    }

    public static YNode normalize(YNode document, Problems problems) {
        return document instanceof YMap root ? new Shorthands(problems).root(root) : document;
    }

    private YMap root(YMap root) {
        root = plural(root, "", "component", "components");
        root = plural(root, "", "workflow", "workflows");
        root = plural(root, "", "logger", "loggers");
        root = wrapSingle(root, "loggers");
        root = eachItem(root, "components",
                (component, path) -> runtimeObject(plural(component, path, "action", "actions")));
        root = eachItem(root, "workflows", (workflow, path) -> plural(workflow, path, "job", "jobs"));
        if (root.get("controller") instanceof YMap controller) {
            // 'adapter' stays as written, so that messages name controller.adapter
            YMap normalized = runtimeObject(controller);
            root = root.with(root.field("controller").withValue(normalized));
        }
        return root;
    }

    private YMap plural(YMap map, String path, String singular, String plural) {
        YField single = map.field(singular);
        if (single == null) {
            return map;
        }
        if (map.has(plural)) {
            problems.add(single.keyLocation(), ConfigPath.child(path, singular), "use either '" + singular + "' or '" + plural + "', not both");
            return map.without(singular);
        }
        YNode value = single.value();
        YNode list = value instanceof YMap ? new YList(List.of(value), value.location()) : value;
        return replaceKey(map, singular, new YField(plural, single.keyLocation(), list));
    }

    private static YMap wrapSingle(YMap map, String key) {
        YField field = map.field(key);
        if (field != null && field.value() instanceof YMap single) {
            return map.with(field.withValue(new YList(List.of(single), single.location())));
        }
        return map;
    }

    private static YMap runtimeObject(YMap map) {
        YField runtime = map.field("runtime");
        if (runtime != null && runtime.value() instanceof YScalar scalar && scalar.value() instanceof String) {
            YField type = new YField("type", scalar.location(), scalar);
            return map.with(runtime.withValue(new YMap(Map.of("type", type), scalar.location())));
        }
        return map;
    }

    private static YMap eachItem(YMap map, String key, BiFunction<YMap, String, YMap> change) {
        YField field = map.field(key);
        if (field == null || !(field.value() instanceof YList list)) {
            return map;
        }
        List<YNode> items = new ArrayList<>();
        for (YNode item : list.items()) {
            String path = ConfigPath.index(key, items.size());
            items.add(item instanceof YMap itemMap ? change.apply(itemMap, path) : item);
        }
        return map.with(field.withValue(new YList(items, list.location())));
    }

    private static YMap replaceKey(YMap map, String oldKey, YField replacement) {
        Map<String, YField> fields = new LinkedHashMap<>();
        map.fields().forEach((key, field) -> fields.put(key.equals(oldKey) ? replacement.key() : key,
                key.equals(oldKey) ? replacement : field));
        return new YMap(fields, map.location());
    }
}
