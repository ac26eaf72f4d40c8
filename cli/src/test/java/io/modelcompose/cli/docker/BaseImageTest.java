package io.modelcompose.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.runtimeagent.image.DockerContextSpec;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BaseImageTest {
    private final Set<String> engine = new HashSet<>();
    private final List<String> status = new ArrayList<>();
    private int builds;

    private void buildLocally() {
        builds++;
        engine.add(BaseImage.LOCAL_DEFAULT);
    }

    @Test
    void upBuildsTheLocalBaseWhenTheEngineLacksItInsteadOfUsingARegistry() {
        String base = BaseImage.provide(Map.of(), engine::contains, this::buildLocally, status::add);

        assertThat(base).isEqualTo(BaseImage.LOCAL_DEFAULT);
        assertThat(builds).isOne();
        assertThat(status).singleElement().asString().startsWith("building the base image compose/jre-base:17");
    }

    @Test
    void anExistingLocalBaseIsUsedAsItIsAndQuietly() {
        engine.add(BaseImage.LOCAL_DEFAULT);

        assertThat(BaseImage.provide(Map.of(), engine::contains, this::buildLocally, status::add))
                .isEqualTo(BaseImage.LOCAL_DEFAULT);
        assertThat(builds).isZero();
        assertThat(status).isEmpty();
    }

    @Test
    void theEnvironmentChoosesWithoutBuilding() {
        assertThat(BaseImage.provide(Map.of(BaseImage.ENV, " my/jre:17 "), engine::contains, this::buildLocally,
                status::add)).isEqualTo("my/jre:17");
        assertThat(builds).isZero();
    }

    @Test
    void aHostThatCannotBuildItFallsBackToTheRegistryImageAndSaysWhy() {
        Runnable cannot = () -> {
            throw new ComposeException(ErrorCode.RUNTIME_FAILED, "cannot build compose/jre-base:17 on this host: "
                    + "it needs busybox (e.g. busybox-static)");
        };

        String base = BaseImage.provide(Map.of(), engine::contains, cannot, status::add);

        assertThat(base).isEqualTo(DockerContextSpec.DEFAULT_BASE_IMAGE);
        assertThat(status).last().asString().contains("it needs busybox").contains("from a registry instead");
    }

    @Test
    void anAgentWaitingForCommandsNeverBuildsAndReportsOnlyToItsLog() {
        List<String> log = new ArrayList<>();

        assertThat(BaseImage.choose(Map.of(), engine::contains, log::add))
                .isEqualTo(DockerContextSpec.DEFAULT_BASE_IMAGE);
        assertThat(log).hasSize(1);
    }
}
