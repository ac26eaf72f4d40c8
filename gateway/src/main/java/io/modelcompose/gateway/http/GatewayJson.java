package io.modelcompose.gateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.RunSnapshot;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.jackson.VertxModule;
import java.io.IOException;

/** The gateway's one JSON mapper: strict request parsing and snake_case run states. */
final class GatewayJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(EventCodec.MAX_VALUE_DEPTH).build())
            .build())
            .registerModule(new Jdk8Module())
            .registerModule(new VertxModule());
    private static final ObjectReader STRICT_READER = MAPPER.reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private GatewayJson() {
    }

    /** Parses a whole request body; duplicate keys are errors, content after the value is an error. */
    static JsonNode parse(Buffer body) throws IOException {
        try (JsonParser parser = STRICT_READER.createParser(body.getBytes())) {
            JsonNode root = STRICT_READER.readTree(parser);
            JsonToken extra = parser.nextToken();
            if (extra != null) {
                throw new JsonParseException(parser, "unexpected content after the JSON value");
            }
            return root;
        }
    }

    /** The JSON path of the first number too large for a double (e.g. {@code 1e400}), or null when there is none. */
    static String firstNonFiniteNumber(JsonNode node, String path) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return path.isEmpty() ? "$" : path;
        }
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                String found = firstNonFiniteNumber(field.getValue(), path.isEmpty() ? field.getKey()
                        : path + "." + field.getKey());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = firstNonFiniteNumber(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A parsed JSON value as plain Java values (maps, lists, strings, numbers, booleans, null). */
    static Object toPlain(JsonNode node) throws JsonProcessingException {
        return node == null || node.isNull() ? null : MAPPER.treeToValue(node, Object.class);
    }

    /** Any value (plain Java, Vert.x JSON, records) as a JSON tree. */
    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static byte[] write(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(value);
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * {@code {task_id, status, workflow_id, output?, error?, interrupt?, elapsed?, metadata?}} with null fields left
     * out; {@code elapsed} (seconds, as upstream's task events give it) once the run has ended.
     */
    static ObjectNode snapshot(RunSnapshot run) {
        ObjectNode node = object();
        node.put("task_id", run.runId());
        node.put("status", run.status().wireName());
        node.put("workflow_id", run.workflowId());
        if (run.output() != null) {
            node.set("output", toTree(run.output()));
        }
        if (run.error() != null) {
            node.put("error", Replies.oneLine(run.error()));
        }
        if (run.interrupt() != null) {
            node.set("interrupt", toTree(run.interrupt()));
        }
        if (run.status().isTerminal() && run.finishedAtMillis() > 0) {
            node.put("elapsed", Math.max(0, run.finishedAtMillis() - run.createdAtMillis()) / 1000.0);
        }
        if (run.metadata() != null) {
            node.set("metadata", toTree(run.metadata()));
        }
        return node;
    }
}
