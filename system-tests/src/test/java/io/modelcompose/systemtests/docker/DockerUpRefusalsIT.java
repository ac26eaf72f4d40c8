package io.modelcompose.systemtests.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.cli.docker.DockerIdFile;
import io.modelcompose.testkit.docker.LocalImages;
import io.modelcompose.testkit.docker.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad Docker options stop {@code up} with a config error (exit 2) before anything is built or created. */
@RequiresDocker
class DockerUpRefusalsIT {
    private DockerProject project;

    @BeforeEach
    void setUp() throws Exception {
        project = new DockerProject();
    }

    @AfterEach
    void tearDown() throws Exception {
        project.close();
    }

    private Cli upWith(String runtimeOptions) throws Exception {
        project.config("""
                controller:
                  name: %NAME%
                  runtime:
                    type: docker
                """ + runtimeOptions.indent(4) + """
                workflow:
                  jobs:
                    - { id: log, component: logger }
                """);
        return project.cli("up", "-d");
    }

    private void assertNothingLeftBehind() {
        assertThat(project.containers()).isEmpty();
        assertThat(project.dir.resolve(".docker")).doesNotExist();
        assertThat(new DockerIdFile(project.dir).exists()).isFalse();
    }

    @Test
    void refusesAnInvalidMemoryLimit() throws Exception {
        Cli up = upWith("mem_limit: 2x");

        assertThat(up.exitCode()).as(up.all()).isEqualTo(2);
        assertThat(up.err()).contains("model-compose.yml:5: controller.runtime.mem_limit:");
        assertNothingLeftBehind();
    }

    @Test
    void refusesAPortOutOfRange() throws Exception {
        Cli up = upWith("ports: [\"99999:80\"]");

        assertThat(up.exitCode()).as(up.all()).isEqualTo(2);
        assertThat(up.err()).contains("controller.runtime.ports[0]", "99999");
        assertNothingLeftBehind();
    }

    @Test
    void refusesAMissingNetworkBeforeBuilding() throws Exception {
        Cli up = upWith("image: " + LocalImages.jreBase() + "\nnetworks: [" + project.name + "-nowhere]");

        assertThat(up.exitCode()).as(up.all()).isEqualTo(2);
        assertThat(up.err()).contains("controller.runtime.networks[0]: network '" + project.name
                + "-nowhere' does not exist");
        assertNothingLeftBehind();
    }

    @Test
    void refusesAMissingEnvFile() throws Exception {
        Cli up = upWith("env_file: [.env.production]");

        assertThat(up.exitCode()).as(up.all()).isEqualTo(2);
        assertThat(up.err()).contains("controller.runtime.env_file[0]: env file '.env.production' not found");
        assertNothingLeftBehind();
    }
}
