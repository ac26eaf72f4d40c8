package io.modelcompose.cli.up;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Carries {@code -e KEY=VALUE} values to the process that {@code up -d} starts, without putting them on its command
 * line (where {@code ps} shows them for as long as it runs): they go to a file only the user can read, named by a
 * hidden option, which the child reads once and deletes. Not by environment: shell jobs would inherit it.
 */
public final class EnvOverridesFile {
    /** The hidden option that names the file. */
    public static final String OPTION = "--env-overrides-file";

    private EnvOverridesFile() {
    }

    /**
     * The arguments without their {@code -e}/{@code --env} entries, plus {@link #OPTION} and {@code file} when there
     * were any (written there, owner-only, later entries winning).
     */
    public static List<String> moveToFile(List<String> args, Path file) throws IOException {
        List<String> kept = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String entry = entryOf(arg, i + 1 < args.size() ? args.get(i + 1) : null);
            if (entry == null) {
                kept.add(arg);
                continue;
            }
            if (arg.equals("-e") || arg.equals("--env")) {
                i++;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                kept.add(arg);
                kept.add(entry); // let the child report the bad entry as the parent would have
                continue;
            }
            values.remove(entry.substring(0, eq));
            values.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        if (values.isEmpty()) {
            return kept;
        }
        write(file, values);
        kept.add(OPTION);
        kept.add(file.toAbsolutePath().toString());
        return kept;
    }

    /** Reads the values and deletes the file. */
    public static Map<String, String> readOnce(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "cannot read " + file + " (" + OPTION + "): "
                    + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
        return values;
    }

    /** The KEY=VALUE of an {@code -e} argument (with its value in the next argument or attached), else null. */
    private static String entryOf(String arg, String next) {
        if (arg.equals("-e") || arg.equals("--env")) {
            return next;
        }
        if (arg.startsWith("--env=")) {
            return arg.substring("--env=".length());
        }
        if (arg.startsWith("-e") && !arg.startsWith("--") && arg.length() > 2) {
            return arg.startsWith("-e=") ? arg.substring(3) : arg.substring(2);
        }
        return null;
    }

    private static void write(Path file, Map<String, String> values) throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        StringWriter text = new StringWriter();
        properties.store(text, null);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text.toString(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
