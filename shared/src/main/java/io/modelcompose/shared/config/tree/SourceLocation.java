package io.modelcompose.shared.config.tree;

/**
 * Where a value was written: the file (as the user named it) and the 1-based line.
 *
 * @param file the file name as given on the command line or discovered
 * @param line the 1-based line number, or 0 when unknown
 */
public record SourceLocation(String file, int line) {
    public static final SourceLocation UNKNOWN = new SourceLocation("<unknown>", 0);

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
