package io.modelcompose.shared.config;

/**
 * A logger action: writes the job input (a {@code message} string or any object) through the configured loggers.
 *
 * @param id action id
 * @param isDefault default action
 * @param output output template (default: the input)
 * @param level debug, info, warning, error or critical
 */
public record LoggerAction(String id, boolean isDefault, Object output, String level) implements ActionSpec {
}
