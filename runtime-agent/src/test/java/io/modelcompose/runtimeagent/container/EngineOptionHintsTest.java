package io.modelcompose.runtimeagent.container;

import static io.modelcompose.runtimeagent.testing.OptionsBuilder.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EngineOptionHintsTest {
    private final ContainerSpec plain = ContainerSpecMapper.map(options().get(),
            MappingContext.controller("demo", Path.of("."), 0));
    private final ContainerSpec withEntrypoint = ContainerSpecMapper.map(options().entrypoint("/nope").get(),
            MappingContext.controller("demo", Path.of("."), 0));

    @Test
    void tellsTheOptionFromEngineMessages() {
        assertThat(EngineOptionHints.optionFor("Range of CPUs is from 0.01 to 2.00", plain)).contains("cpus");
        assertThat(EngineOptionHints.optionFor("driver failed programming external connectivity on endpoint x: "
                + "Bind for 0.0.0.0:5000 failed: port is already allocated", plain)).contains("ports");
        assertThat(EngineOptionHints.optionFor("network my-network not found", plain)).contains("networks");
        assertThat(EngineOptionHints.optionFor("unable to find user bob: no matching entries in passwd file", plain))
                .contains("user");
        assertThat(EngineOptionHints.optionFor("invalid mount config for type \"bind\": bind source path does not "
                + "exist: /x", plain)).contains("volumes");
        assertThat(EngineOptionHints.optionFor("Minimum memory limit allowed is 6MB", plain)).contains("mem_limit");
        assertThat(EngineOptionHints.optionFor("something else entirely", plain)).isEmpty();
    }

    @Test
    void blamesEntrypointOrCommandForAMissingExecutable() {
        String message = "OCI runtime create failed: exec: \"/nope\": stat /nope: no such file or directory";

        assertThat(EngineOptionHints.optionFor(message, withEntrypoint)).contains("entrypoint");
        assertThat(EngineOptionHints.optionFor(message, plain)).contains("command");
    }
}
