package io.modelcompose.shared.config;

/**
 * One problem found while loading or validating configuration.
 *
 * @param location file and line of the offending value
 * @param path the config path, e.g. {@code workflows[0].jobs[2].component}
 * @param message what is wrong, in one line
 */
public record ConfigProblem(SourceLocation location, String path, String message) {
    /** Formats as {@code <file>:<line>: <path>: <message>}. */
    @Override
    public String toString() {
        return location.file() + ":" + location.line() + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
