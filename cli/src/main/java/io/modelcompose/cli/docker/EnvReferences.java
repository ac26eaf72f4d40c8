package io.modelcompose.cli.docker;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${env.NAME}} references of a config tree. The generated image keeps them unresolved; their values go to
 * the container as environment, so that the loader inside resolves them as on the host.
 */
public final class EnvReferences {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{\\s*env\\.([^\\s|}]+)");

    private EnvReferences() {
    }

    /** Every variable name referenced anywhere in the tree (values and keys), sorted. */
    public static Set<String> names(Object tree) {
        Set<String> names = new TreeSet<>();
        collect(tree, names);
        return names;
    }

    /** The referenced variables that {@code env} sets, with their values. */
    public static Map<String, String> values(Object tree, Map<String, String> env) {
        Map<String, String> values = new TreeMap<>();
        for (String name : names(tree)) {
            if (env.containsKey(name)) {
                values.put(name, env.get(name));
            }
        }
        return values;
    }

    private static void collect(Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                collect(String.valueOf(key), names);
                collect(value, names);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, names));
        } else if (node instanceof String text && text.contains("${")) {
            Matcher matcher = REFERENCE.matcher(text);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
    }
}
