package io.modelcompose.shared.config.tree;

/**
 * One problem found while loading or validating configuration.
 *
 * @param location file and line of the offending value
 * @param path the config path, e.g. {@code workflows[0].jobs[2].component}
 * @param message what is wrong, in one line
 */
public record ConfigProblem(SourceLocation location, String path, String message) {
    /** Formats as {@code <file>:<line>: <path>: <message>}; the line is left out when unknown (0). */
    @Override
    public String toString() {
        String where = location.line() > 0 ? location.file() + ":" + location.line() : location.file();
        return where + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
