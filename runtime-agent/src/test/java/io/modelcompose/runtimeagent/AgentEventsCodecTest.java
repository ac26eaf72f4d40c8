package io.modelcompose.runtimeagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.AgentEvents.Action;
import io.modelcompose.shared.event.AgentEvents.AgentCommand;
import io.modelcompose.shared.event.AgentEvents.AgentEvent;
import io.modelcompose.shared.event.AgentEvents.Kind;
import io.modelcompose.shared.event.EventCodec;
import io.modelcompose.shared.event.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentEventsCodecTest {
    @Test
    void deployCommandSurvivesTheCodecAndIsKeyedByHost() {
        AgentCommand command = AgentCommand.deploy("host-a", "shop", "controller",
                Map.of("type", "docker", "ports", List.of("127.0.0.1:5000:8080")), Map.of("API_KEY", "s3cret"),
                Map.of("controller", Map.of("port", 8080)), "/srv/shop");

        AgentCommand decoded = (AgentCommand) EventCodec.decode(EventCodec.encode(command));

        assertThat(decoded).isEqualTo(command);
        assertThat(decoded.key()).isEqualTo("host-a");
        assertThat(new String(EventCodec.encode(command), StandardCharsets.UTF_8))
                .contains("\"type\":\"AgentCommand\"", "\"action\":\"DEPLOY\"");
    }

    @Test
    void commandTextNamesTheEnvironmentButNotItsValues() {
        AgentCommand command = AgentCommand.deploy("host-a", "shop", "controller", Map.of("type", "docker"),
                Map.of("API_KEY", "s3cret"), null, null);

        assertThat(command.toString()).contains("API_KEY").doesNotContain("s3cret");
    }

    @Test
    void eventSurvivesTheCodec() {
        AgentEvent event = AgentEvent.of("host-a", Kind.EXITED, "shop", "controller", "abc123", "exit code 137", null);

        assertThat(EventCodec.decode(EventCodec.encode(event))).isEqualTo(event);
        assertThat(AgentCommand.control("h", Action.LOGS, "p", "s", null).action()).isEqualTo(Action.LOGS);
    }

    @Test
    void topicsAreDerivedFromThePrefix() {
        Topics topics = new Topics("acme");

        assertThat(topics.agentCommands()).isEqualTo("acme.agent-commands");
        assertThat(topics.agentEvents()).isEqualTo("acme.agent-events");
    }
}
