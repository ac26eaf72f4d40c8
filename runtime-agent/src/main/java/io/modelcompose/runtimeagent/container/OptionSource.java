package io.modelcompose.runtimeagent.container;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.Map;

/**
 * Where the Docker options of one service were written, so that errors read
 * {@code model-compose.yml:12: controller.runtime.cpus: ...}.
 *
 * @param configPath the path of the options in the config ({@code controller.runtime})
 * @param locations the location of each option key that was written
 */
public record OptionSource(String configPath, Map<String, SourceLocation> locations) {
    public OptionSource {
        locations = Map.copyOf(locations);
    }

    /** {@code <file>:<line>: <configPath>.<key>} (the location is left out when unknown). */
    public String describe(String key) {
        SourceLocation at = locations.get(key);
        String path = configPath + "." + key;
        return at == null || at.line() == 0 ? path : at + ": " + path;
    }

    /** {@code <file>:<line>: <configPath>.<key>[<index>]}, at the item's line when known, else the option's. */
    public String describe(String key, int index) {
        String item = key + "[" + index + "]";
        SourceLocation at = locations.containsKey(item) ? locations.get(item) : locations.get(key);
        String path = configPath + "." + item;
        return at == null || at.line() == 0 ? path : at + ": " + path;
    }

    /** A config error about item {@code index} of list option {@code key}. */
    public ComposeException invalid(String key, int index, String message) {
        return new ComposeException(ErrorCode.CONFIG_INVALID, describe(key, index) + ": " + message);
    }

    /** A config error about option {@code key}. */
    public ComposeException invalid(String key, String message) {
        return new ComposeException(ErrorCode.CONFIG_INVALID, describe(key) + ": " + message);
    }

    /** An engine refusal that can be pinned on option {@code key}. */
    public ComposeException refused(String key, String message, Throwable cause) {
        return new ComposeException(ErrorCode.RUNTIME_FAILED,
                describe(key) + ": docker engine refused the value: " + message, cause);
    }
}
