package io.modelcompose.shared.config;

/**
 * What a job does once its retries are exhausted: {@code on_error: ignore} (output null), {@code {output}} (a
 * fallback output rendered with {@code ${error.message}}) or {@code {to}} (route to that job).
 *
 * @param output the fallback output template, or null
 * @param to the job to route to, or null
 */
public record OnError(Object output, String to) {
    /** {@code on_error: ignore}. */
    public static final OnError IGNORE = new OnError(null, null);
}
