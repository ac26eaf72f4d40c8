package io.modelcompose.runtimeagent.docker;

import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns docker-java failures into short engine messages and {@link ComposeException}s. */
public final class EngineErrors {
    private static final Pattern JSON_MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern STATUS_PREFIX = Pattern.compile("^Status \\d+:\\s*");

    private EngineErrors() {
    }

    /** The engine's own message (the JSON {@code message} of an error response), else the exception text. */
    public static String engineMessage(Throwable failure) {
        Throwable t = unwrap(failure);
        String text = t.getMessage();
        if (text == null || text.isBlank()) {
            Throwable cause = t.getCause();
            return cause != null && cause != t ? engineMessage(cause) : t.getClass().getSimpleName();
        }
        Matcher json = JSON_MESSAGE.matcher(text);
        if (json.find()) {
            return json.group(1).replace("\\\"", "\"").replace("\\n", " ").replace("\\\\", "\\").trim();
        }
        return STATUS_PREFIX.matcher(text.trim()).replaceFirst("");
    }

    /** True when the failure is the engine's 404. */
    public static boolean isNotFound(Throwable failure) {
        return unwrap(failure) instanceof NotFoundException;
    }

    /** The failure as a ComposeException: kept as it is when it already is one, else RUNTIME_FAILED. */
    public static ComposeException toCompose(String action, Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof ComposeException ce) {
            return ce;
        }
        String prefix = t instanceof DockerException ? "docker engine refused to " : "docker call failed: ";
        return new ComposeException(ErrorCode.RUNTIME_FAILED, prefix + action + ": " + engineMessage(t), t);
    }

    /** Strips the CompletionException / ExecutionException wrappers of futures. */
    public static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
