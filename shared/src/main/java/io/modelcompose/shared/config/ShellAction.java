package io.modelcompose.shared.config;

import java.time.Duration;

/**
 * A shell action.
 *
 * @param id action id
 * @param isDefault default action
 * @param output output template (sources {@code result}, {@code stdout}, {@code stderr}, {@code exit_code})
 * @param command a string (run through {@code sh -c}) or a list of arguments (run without a shell); a template
 * @param workingDir working directory template, or null for the project folder
 * @param env extra environment (map template), or null
 * @param timeout kill the process tree after this long, or null
 * @param failOnError a non-zero exit fails the job (default true)
 */
public record ShellAction(
        String id,
        boolean isDefault,
        Object output,
        Object command,
        Object workingDir,
        Object env,
        Duration timeout,
        boolean failOnError) implements ActionSpec {
}
