package io.modelcompose.shared.config.load;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.tree.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses {@code .env} files: {@code KEY=VALUE} lines, {@code #} comment lines, blank lines, an optional
 * {@code export } prefix; a value in single or double quotes loses its quotes and is taken as written, an unquoted
 * value is trimmed and loses a trailing {@code " #"} comment.
 */
public final class DotEnv {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private DotEnv() {
    }

    public static Map<String, String> parse(String text, String file, Problems problems) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parseLine(lines[i].strip(), new SourceLocation(file, i + 1), values, problems);
        }
        return values;
    }

    private static void parseLine(String line, SourceLocation location, Map<String, String> values,
            Problems problems) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        if (line.startsWith("export ")) {
            line = line.substring("export ".length()).strip();
        }
        int equals = line.indexOf('=');
        String key = equals < 0 ? line : line.substring(0, equals).strip();
        if (equals < 0 || !KEY.matcher(key).matches()) {
            problems.add(location, "", "expected KEY=VALUE, got '" + line + "'");
            return;
        }
        values.put(key, value(line.substring(equals + 1).strip()));
    }

    private static String value(String raw) {
        if (raw.length() >= 2 && (raw.charAt(0) == '"' || raw.charAt(0) == '\'')) {
            int close = raw.indexOf(raw.charAt(0), 1);
            if (close > 0) {
                return raw.substring(1, close);
            }
        }
        int comment = raw.indexOf(" #");
        return comment < 0 ? raw : raw.substring(0, comment).strip();
    }
}
