package io.modelcompose.gateway.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.event.EventCodec;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;

/**
 * The body of {@code POST /workflows/runs}. Unknown fields are ignored, as the original does.
 *
 * @param workflowId the workflow to run, or null for the default one
 * @param input the run input as plain JSON values, or null
 * @param waitForCompletion answer once the run has finished (default true)
 * @param outputOnly answer the output alone (default false; needs waitForCompletion)
 * @param metadata echoed back in the run state, or null
 */
record RunRequest(String workflowId, Object input, boolean waitForCompletion, boolean outputOnly, Object metadata) {
    private static final String INVALID = "Invalid request body: ";

    /** A run of {@code workflowId} whose input is {@code text}, answered once it has finished. */
    static RunRequest ofText(String workflowId, String text) {
        return new RunRequest(workflowId, text == null ? "" : text, true, false, null);
    }

    /** Parses and checks a JSON body; an empty body means all defaults. */
    static RunRequest parse(Buffer body) {
        if (body == null || body.length() == 0) {
            return new RunRequest(null, null, true, false, null);
        }
        JsonNode root = readTree(body);
        if (!root.isObject()) {
            throw invalid("expected a JSON object, got " + describe(root));
        }
        String outOfRange = GatewayJson.firstNonFiniteNumber(root, "");
        if (outOfRange != null) {
            throw invalid("the number at " + outOfRange + " is out of range (larger than a double)");
        }
        RunRequest request = new RunRequest(
                text(root, "workflow_id"),
                plain(root, "input"),
                flag(root, "wait_for_completion", true),
                flag(root, "output_only", false),
                plain(root, "metadata"));
        if (request.outputOnly() && !request.waitForCompletion()) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "output_only=true requires wait_for_completion=true.");
        }
        return request;
    }

    static JsonNode readTree(Buffer body) {
        try {
            JsonNode root = GatewayJson.parse(body);
            if (root == null || root.isMissingNode()) {
                throw invalid("no JSON value");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw invalid("nested deeper than " + EventCodec.MAX_VALUE_DEPTH + " levels" + location(e.getLocation()));
        } catch (JsonProcessingException e) {
            throw invalid(e.getOriginalMessage() + location(e.getLocation()));
        } catch (IOException e) {
            throw invalid(e.getMessage());
        }
    }

    static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field + " must be a string, got " + describe(value));
        }
        return value.textValue();
    }

    private static boolean flag(JsonNode root, String field, boolean defaultValue) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw invalid(field + " must be a boolean, got " + describe(value));
        }
        return value.booleanValue();
    }

    static Object plain(JsonNode root, String field) {
        try {
            return GatewayJson.toPlain(root.get(field));
        } catch (JsonProcessingException e) {
            throw invalid(field + ": " + e.getOriginalMessage());
        }
    }

    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String location(JsonLocation where) {
        return where == null || where.getLineNr() < 0
                ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    }

    static ComposeException invalid(String reason) {
        return new ComposeException(ErrorCode.BAD_REQUEST, INVALID + Replies.oneLine(reason));
    }
}
