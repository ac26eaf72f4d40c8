package io.modelcompose.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcompose.cli.up.ServiceSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The transport contract over Kafka: scheduler, worker and gateway on the embedded broker, runs over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaTransportContractIT extends TransportContract {
    @TempDir
    static Path dir;

    private final InJvmRoles roles = new InJvmRoles();
    private Api api;

    @BeforeAll
    void deploy() throws Exception {
        ItProject project = ItProject.create(dir, "", BODY);
        ServiceSet set = roles.deploy(project, project.config(), 10_000, ServiceSet.Role.SCHEDULER,
                ServiceSet.Role.WORKER, ServiceSet.Role.GATEWAY);
        api = new Api(set.gatewayPort());
    }

    @AfterAll
    void stop() {
        roles.close();
    }

    @Override
    Outcome run(String workflowId, Map<String, Object> input) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("workflow_id", workflowId);
        fields.put("input", input);
        JsonNode state = api.run(fields).body();
        JsonNode error = state.path("error");
        return new Outcome(state.path("status").asText(), state.path("output"),
                error.isMissingNode() || error.isNull() ? null : error.asText());
    }
}
