package io.modelcompose.shared.config.docker;

import java.util.Map;

/**
 * Container log driver.
 *
 * @param driver json-file, local, syslog, journald, gelf, fluentd, ...
 * @param options driver options
 */
public record LoggingOptions(String driver, Map<String, String> options) {
    public LoggingOptions {
        options = Map.copyOf(options);
    }
}
