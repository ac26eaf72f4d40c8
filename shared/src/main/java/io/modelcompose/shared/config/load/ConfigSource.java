package io.modelcompose.shared.config.load;

import java.nio.file.Path;

/**
 * One config file to load.
 *
 * @param path where to read it
 * @param name how problems name it: as given with {@code -f}, or the discovered file name
 */
public record ConfigSource(Path path, String name) {
}
