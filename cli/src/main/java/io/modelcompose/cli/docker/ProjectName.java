package io.modelcompose.cli.docker;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The project name of a Docker deployment (image tag {@code compose/<name>}, container {@code compose-<name>},
 * label {@code compose.project}): the controller's {@code name}, else the project folder's name, reduced like
 * docker compose does to lowercase letters, digits, {@code -} and {@code _}, starting and ending with a letter or
 * digit.
 */
public final class ProjectName {
    static final String FALLBACK = "default";

    private ProjectName() {
    }

    public static String of(String controllerName, Path projectDir) {
        String written = controllerName != null && !controllerName.isBlank() ? controllerName
                : projectDir.toAbsolutePath().normalize().getFileName() == null ? FALLBACK
                : projectDir.toAbsolutePath().normalize().getFileName().toString();
        return sanitise(written);
    }

    static String sanitise(String name) {
        String kept = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
        String trimmed = kept.replaceAll("^[_-]+", "").replaceAll("[_-]+$", "");
        return trimmed.isEmpty() ? FALLBACK : trimmed;
    }
}
