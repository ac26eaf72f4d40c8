package io.modelcompose.runtimeagent;

import static io.modelcompose.runtimeagent.testing.OptionsBuilder.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.docker.DockerOptions;
import org.junit.jupiter.api.Test;

class CommandOptionsTest {
    @Test
    void addsTheHostLabelAndNamesTheCommandAsTheLocation() {
        DockerOptions written = options().image("busybox:1").label("team", "ml").memLimit(1 << 20).get();

        DockerOptions applied = CommandOptions.forAgent(written, "node-1", "deploy command c1");

        assertThat(applied.labels()).containsEntry("team", "ml").containsEntry(CommandOptions.HOST_LABEL, "node-1");
        assertThat(applied.locationOf("mem_limit")).isEqualTo(new SourceLocation("deploy command c1", 0));
        assertThat(applied.memLimitBytes()).isEqualTo(1L << 20);
        assertThat(applied.image()).isEqualTo("busybox:1");
    }
}
