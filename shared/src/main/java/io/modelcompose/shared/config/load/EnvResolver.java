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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${env.NAME}} and {@code ${env.NAME | default}} in string values of the parsed tree (never in the
 * YAML text, so a value cannot inject YAML).
 * <ul>
 *   <li>A string that is exactly one reference becomes the variable's value as a string, or, when the variable is
 *       unset, the default typed as a plain YAML scalar ({@code ${env.PORT | 8080}} is the int 8080; a quoted
 *       default is a string).</li>
 *   <li>Inside a longer string the value (or the default's text) is substituted; other {@code ${...}} expressions,
 *       e.g. {@code ${input.x}} or {@code ${env.X as integer}}, are left for the runtime.</li>
 *   <li>An unset variable without a default is a problem naming the variable and the config path.</li>
 * </ul>
 */
public final class EnvResolver {
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\{\\s*env\\.([^\\s|}]+)\\s*(?:\\|\\s*([^}]*?)\\s*)?}");

    private final Map<String, String> env;
    private final Problems problems;

    private EnvResolver(Map<String, String> env, Problems problems) {
        this.env = env;
        this.problems = problems;
    }

    public static YNode resolve(YNode root, Map<String, String> env, Problems problems) {
        return new EnvResolver(env, problems).walk(root, "");
    }

    private YNode walk(YNode node, String path) {
        if (node instanceof YMap map) {
            Map<String, YField> fields = new LinkedHashMap<>();
            for (YField field : map.entries()) {
                fields.put(field.key(), field.withValue(walk(field.value(), ConfigPath.child(path, field.key()))));
            }
            return new YMap(fields, map.location());
        }
        if (node instanceof YList list) {
            List<YNode> items = new ArrayList<>();
            for (YNode item : list.items()) {
                items.add(walk(item, ConfigPath.index(path, items.size())));
            }
            return new YList(items, list.location());
        }
        YScalar scalar = (YScalar) node;
        return scalar.value() instanceof String text && text.contains("${") ? resolveString(scalar, text, path) : node;
    }

    private YNode resolveString(YScalar scalar, String text, String path) {
        Matcher whole = REFERENCE.matcher(text);
        if (whole.matches()) {
            return resolveWhole(scalar, whole, path);
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = lookup(matcher.group(1), matcher.group(2), scalar, path);
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return YScalar.ofString(out.toString(), scalar.location());
    }

    private YNode resolveWhole(YScalar scalar, Matcher reference, String path) {
        String name = reference.group(1);
        String defaultText = reference.group(2);
        if (env.containsKey(name)) {
            return YScalar.ofString(env.get(name), scalar.location());
        }
        if (defaultText == null) {
            reportUnset(name, scalar, path);
            return scalar;
        }
        if (isQuoted(defaultText)) {
            return YScalar.ofString(unquote(defaultText), scalar.location());
        }
        return new YScalar(ScalarTyper.typePlain(defaultText), defaultText, scalar.location());
    }

    private String lookup(String name, String defaultText, YScalar scalar, String path) {
        if (env.containsKey(name)) {
            return env.get(name);
        }
        if (defaultText == null) {
            reportUnset(name, scalar, path);
            return null;
        }
        return unquote(defaultText);
    }

    private void reportUnset(String name, YScalar scalar, String path) {
        problems.add(scalar.location(), path, "environment variable '" + name + "' is not set and has no default");
    }

    private static boolean isQuoted(String text) {
        return text.length() >= 2 && (text.charAt(0) == '"' || text.charAt(0) == '\'')
                && text.charAt(text.length() - 1) == text.charAt(0);
    }

    private static String unquote(String text) {
        return isQuoted(text) ? text.substring(1, text.length() - 1) : text;
    }
}
