package io.modelcompose.runtimeagent.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads env files the way docker compose does: {@code KEY=VALUE} lines, {@code #} comments, an optional
 * {@code export } prefix, quotes stripped from quoted values, a bare {@code KEY} taking the host's value.
 * Later files win.
 */
final class EnvFiles {
    private static final String KEY = "env_file";

    private EnvFiles() {
    }

    static Map<String, String> read(List<String> files, Path projectDir, Map<String, String> hostEnv,
            OptionSource source) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            Path path = projectDir.resolve(file).normalize();
            if (!Files.isRegularFile(path)) {
                throw source.invalid(KEY, i, "env file '" + file + "' not found (looked for " + path + ")");
            }
            readOne(file, path, hostEnv, source, env);
        }
        return env;
    }

    private static void readOne(String file, Path path, Map<String, String> hostEnv, OptionSource source,
            Map<String, String> into) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw source.invalid(KEY, "cannot read env file '" + file + "': " + e.getMessage());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            String name = (eq < 0 ? line : line.substring(0, eq)).strip();
            if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace)) {
                throw source.invalid(KEY, file + ":" + (i + 1) + ": not a KEY=VALUE line");
            }
            if (eq < 0) {
                String hostValue = hostEnv.get(name);
                if (hostValue != null) {
                    into.put(name, hostValue);
                }
            } else {
                into.put(name, value(line.substring(eq + 1).strip()));
            }
        }
    }

    private static String value(String raw) {
        if (raw.length() >= 2) {
            char first = raw.charAt(0);
            if ((first == '"' || first == '\'') && raw.charAt(raw.length() - 1) == first) {
                String inner = raw.substring(1, raw.length() - 1);
                return first == '"' ? inner.replace("\\n", "\n").replace("\\\"", "\"") : inner;
            }
        }
        int comment = raw.indexOf(" #");
        return comment < 0 ? raw : raw.substring(0, comment).strip();
    }
}
