package io.modelcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Parses {@code --input}: inline JSON, or {@code @file.json} read relative to the project folder. */
final class RunInput {
    private RunInput() {
    }

    static Object parse(String argument, Path projectDir) {
        if (argument == null) {
            return null;
        }
        String source = "--input";
        String text = argument;
        if (argument.startsWith("@")) {
            Path file = projectDir.resolve(argument.substring(1));
            source = argument.substring(1);
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new ComposeException(ErrorCode.BAD_REQUEST, "--input file not found: " + argument.substring(1));
            } catch (IOException e) {
                throw new ComposeException(ErrorCode.BAD_REQUEST, "cannot read --input file " + file + ": " + e.getMessage());
            }
        }
        try {
            return Json.MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ComposeException(ErrorCode.BAD_REQUEST, "invalid JSON in " + source
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
                    + ": " + e.getOriginalMessage());
        }
    }
}
