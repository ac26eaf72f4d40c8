package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.SourceLocation;
/**
 * One logger of the {@code logger:} list.
 *
 * @param type {@code console} or {@code file}
 * @param level debug, info, warning, error or critical
 * @param path file path for file loggers (parents are created); null for console
 * @param maxSizeBytes rotate the file when it grows past this size; null = never
 * @param maxFiles rotated files to keep; null = the default (5)
 * @param location where the logger was declared
 */
public record LoggerConfig(String type, String level, String path, Long maxSizeBytes, Integer maxFiles,
        SourceLocation location) {
    public static final LoggerConfig DEFAULT_CONSOLE = new LoggerConfig("console", "info", null, null, null,
            SourceLocation.UNKNOWN);
}
