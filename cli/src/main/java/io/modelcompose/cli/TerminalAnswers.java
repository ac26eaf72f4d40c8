package io.modelcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcompose.cli.local.InterruptAnswers;
import io.modelcompose.shared.event.RunInterrupt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * Asks the person at the terminal, as upstream's {@code run} does: the message and metadata go to stderr, an empty
 * line goes on unchanged, a line that parses as JSON is that value, any other line is the text itself.
 */
final class TerminalAnswers implements InterruptAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedReader in;
    private final PrintWriter err;

    TerminalAnswers(BufferedReader in, PrintWriter err) {
        this.in = in;
        this.err = err;
    }

    @Override
    public Object answer(RunInterrupt point) {
        err.println("interrupted: job '" + point.jobId() + "' (" + point.phase() + ")"
                + (point.message() == null ? "" : ": " + point.message()));
        if (point.metadata() != null) {
            err.println("metadata: " + Json.pretty(point.metadata()));
        }
        err.print("answer (JSON or text; empty to go on unchanged): ");
        err.flush();
        try {
            String line = in.readLine();
            return line == null || line.isBlank() ? null : parse(line.strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object parse(String line) {
        try {
            return JSON.readValue(line, Object.class);
        } catch (JsonProcessingException e) {
            return line;
        }
    }
}
