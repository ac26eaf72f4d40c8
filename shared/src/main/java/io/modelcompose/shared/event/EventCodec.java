package io.modelcompose.shared.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.charset.StandardCharsets;

/** JSON encoding of {@link ComposeEvent}s; field names are camelCase, null fields are omitted. */
public final class EventCodec {
    /**
     * The deepest nesting of JSON values the product accepts (an HTTP body, a run input): one limit everywhere,
     * far below what a recursive encoder or the expression engine could not handle.
     */
    public static final int MAX_VALUE_DEPTH = 100;
    /** Records wrap values in a few levels of their own. */
    private static final int MAX_RECORD_DEPTH = MAX_VALUE_DEPTH + 16;
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_RECORD_DEPTH).build())
            .build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    private EventCodec() {
    }

    public static byte[] encode(ComposeEvent event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new ComposeException(ErrorCode.INTERNAL, "cannot encode " + event.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    /**
     * Decodes a record value.
     *
     * @throws ComposeException BAD_REQUEST with the reason when the bytes are not a valid event of a known type and
     *     supported schema version
     */
    public static ComposeEvent decode(byte[] bytes) {
        if (bytes == null) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "empty record");
        }
        ComposeEvent event;
        try {
            event = MAPPER.readValue(bytes, ComposeEvent.class);
        } catch (java.io.IOException e) {
            String reason = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new ComposeException(ErrorCode.BAD_REQUEST, "not a valid event: " + reason);
        }
        if (event.schemaVersion() < 1 || event.schemaVersion() > ComposeEvent.CURRENT_SCHEMA_VERSION) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "unsupported schemaVersion " + event.schemaVersion());
        }
        return event;
    }

    /** The value as text, for dead letters and logs (at most {@code maxChars}). */
    public static String preview(byte[] bytes, int maxChars) {
        if (bytes == null) {
            return null;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > maxChars ? text.substring(0, maxChars) : text;
    }

    /** The shared mapper settings, for components that embed events in other JSON. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
