package io.modelcompose.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProjectNameTest {
    @Test
    void prefersTheControllerName() {
        assertThat(ProjectName.of("Shop API", Path.of("/srv/other"))).isEqualTo("shopapi");
    }

    @Test
    void fallsBackToTheSanitisedFolderName() {
        assertThat(ProjectName.of(null, Path.of("/home/ada/My_Project.v2"))).isEqualTo("my_projectv2");
        assertThat(ProjectName.of(" ", Path.of("/tmp/-junit123_"))).isEqualTo("junit123");
    }

    @Test
    void neverGivesAnEmptyName() {
        assertThat(ProjectName.sanitise("___")).isEqualTo(ProjectName.FALLBACK);
        assertThat(ProjectName.sanitise("日本")).isEqualTo(ProjectName.FALLBACK);
    }
}
