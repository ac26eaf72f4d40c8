package io.modelcompose.gateway.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.WorkflowConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /workflows}: {@code [{workflow_id, title?, default?}]} of the public workflows, {@code default} only when
 * true.
 */
final class WorkflowRoutes {
    private final ArrayNode listing;

    WorkflowRoutes(ComposeConfig config) {
        this.listing = JsonNodeFactory.instance.arrayNode();
        config.workflows().stream().filter(workflow -> !workflow.isPrivate())
                .forEach(workflow -> listing.add(describe(workflow)));
    }

    void mount(Router router, String basePath) {
        router.get(basePath + "/workflows").handler(this::list);
    }

    private void list(RoutingContext rc) {
        Replies.json(rc, 200, listing);
    }

    private static ObjectNode describe(WorkflowConfig workflow) {
        ObjectNode node = GatewayJson.object();
        node.put("workflow_id", workflow.id());
        if (workflow.title() != null) {
            node.put("title", workflow.title());
        }
        if (workflow.isDefault()) {
            node.put("default", true);
        }
        return node;
    }
}
