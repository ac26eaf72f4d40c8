package io.modelcompose.gateway.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcompose.gateway.schema.SchemaReader;
import io.modelcompose.gateway.schema.Variable;
import io.modelcompose.gateway.schema.WorkflowSchema;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /workflows}: {@code [{workflow_id, title?, default?}]} of the public workflows ({@code default} only
 * when true), or with {@code include_schema=true} their full schemas; {@code GET /workflows/{id}/schema}: one schema,
 * 404 if unknown or private.
 */
final class WorkflowRoutes {
    private final ArrayNode listing = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode schemas = JsonNodeFactory.instance.arrayNode();
    private final Map<String, ObjectNode> schemaById = new LinkedHashMap<>();

    WorkflowRoutes(ComposeConfig config) {
        SchemaReader reader = new SchemaReader(config);
        config.workflows().stream().filter(workflow -> !workflow.isPrivate()).forEach(workflow -> {
            WorkflowSchema schema = reader.read(workflow);
            ObjectNode full = describe(schema);
            listing.add(summary(schema));
            schemas.add(full);
            schemaById.put(schema.workflowId(), full);
        });
    }

    void mount(Router router, String basePath) {
        router.get(basePath + "/workflows").handler(this::list);
        router.get(basePath + "/workflows/:workflow_id/schema").handler(this::schema);
    }

    private void list(RoutingContext rc) {
        Replies.json(rc, 200, QueryFlags.flag(rc, "include_schema") ? schemas : listing);
    }

    private void schema(RoutingContext rc) {
        ObjectNode schema = schemaById.get(rc.pathParam("workflow_id"));
        if (schema == null) {
            rc.fail(new ComposeException(ErrorCode.NOT_FOUND, "Workflow not found."));
            return;
        }
        Replies.json(rc, 200, schema);
    }

    private static ObjectNode summary(WorkflowSchema schema) {
        ObjectNode node = GatewayJson.object();
        node.put("workflow_id", schema.workflowId());
        if (schema.title() != null) {
            node.put("title", schema.title());
        }
        if (schema.isDefault()) {
            node.put("default", true);
        }
        return node;
    }

    /** {@code {workflow_id, title?, description?, input: [var], output: [var], default?}}. */
    static ObjectNode describe(WorkflowSchema schema) {
        ObjectNode node = GatewayJson.object();
        node.put("workflow_id", schema.workflowId());
        if (schema.title() != null) {
            node.put("title", schema.title());
        }
        if (schema.description() != null) {
            node.put("description", schema.description());
        }
        node.set("input", variables(schema.input()));
        node.set("output", variables(schema.output()));
        if (schema.isDefault()) {
            node.put("default", true);
        }
        return node;
    }

    private static ArrayNode variables(List<Variable> variables) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        variables.forEach(variable -> array.add(variable(variable)));
        return array;
    }

    /** {@code {name?, type, is_list, subtype?, format?, default?, options?, annotations?}}. */
    private static ObjectNode variable(Variable variable) {
        ObjectNode node = GatewayJson.object();
        if (variable.name() != null) {
            node.put("name", variable.name());
        }
        node.put("type", variable.type());
        node.put("is_list", variable.isList());
        if (variable.subtype() != null) {
            node.put("subtype", variable.subtype());
        }
        if (variable.format() != null) {
            node.put("format", variable.format());
        }
        if (variable.defaultValue() != null) {
            node.set("default", GatewayJson.toTree(variable.defaultValue()));
        }
        if (!variable.options().isEmpty()) {
            ArrayNode options = node.putArray("options");
            variable.options().forEach(options::add);
        }
        if (!variable.annotations().isEmpty()) {
            ArrayNode annotations = node.putArray("annotations");
            variable.annotations().forEach(a -> annotations.addObject().put("name", a.name()).put("value", a.value()));
        }
        return node;
    }
}
