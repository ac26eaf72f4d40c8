package io.modelcompose.runtimeagent.container;

/**
 * One line a container wrote.
 *
 * @param stream where it was written
 * @param text the line without its line break
 */
public record LogLine(Stream stream, String text) {
    /** Output streams of a container. */
    public enum Stream { STDOUT, STDERR }
}
