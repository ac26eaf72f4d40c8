package io.modelcompose.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;

/** JSON for the command line: strict parsing (no trailing tokens), indented printing. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String pretty(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ComposeException(ErrorCode.INTERNAL, "cannot print output as JSON: " + e.getOriginalMessage());
        }
    }
}
