package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.ConfigProblem;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when configuration cannot be loaded; carries every problem found, each on its own line. */
public final class ConfigException extends ComposeException {
    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(ErrorCode.CONFIG_INVALID, problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
