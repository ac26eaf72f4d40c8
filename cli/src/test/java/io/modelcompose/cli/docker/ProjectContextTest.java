package io.modelcompose.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectContextTest {
    @Test
    void readsTheControllerPortOfATreeOrFallsBackTo8080() {
        assertThat(ProjectContext.portOf(Map.of("controller", Map.of("port", 9090)))).isEqualTo(9090);
        assertThat(ProjectContext.portOf(Map.of("controller", Map.of("port", "7070")))).isEqualTo(7070);
        assertThat(ProjectContext.portOf(Map.of("controller", Map.of("port", "${env.PORT | 8081}")))).isEqualTo(8080);
        assertThat(ProjectContext.portOf(Map.of())).isEqualTo(8080);
    }
}
