package io.modelcompose.runtimeagent.image;

import static io.modelcompose.runtimeagent.testing.DockerFixture.await;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectImageResponse;
import io.modelcompose.runtimeagent.testing.DockerFixture;
import io.modelcompose.runtimeagent.testing.TestJars;
import io.modelcompose.shared.config.docker.BuildOptions;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.testkit.docker.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The image flow on the engine: pull falls back to building, builds name their failing step, build options apply. */
@RequiresDocker
class ImageFlowIT {
    private static final String ABSENT = "127.0.0.1:5999/absent:1";
    private static DockerFixture docker;
    @TempDir
    static Path projectDir;

    @BeforeAll
    static void setUp() {
        docker = new DockerFixture();
        docker.removeImageAtClose(ABSENT);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        docker.close();
    }

    private static ImageRequest request(io.modelcompose.shared.config.docker.DockerOptions options, List<String> log) {
        return new ImageRequest(docker.project, projectDir, options,
                () -> DockerContextWriter.write(DockerContextSpec.of(projectDir, TestJars.of(org.slf4j.Logger.class),
                        null, Map.of("controller", Map.of("port", 8080, "runtime", "docker")), null, 8080)),
                Map.of(ImageService.BASE_IMAGE_ARG, docker.jreBase), log::add);
    }

    @Test
    void failedPullFallsBackToBuildingTheGeneratedContext() {
        List<String> log = new CopyOnWriteArrayList<>();

        ImageResult result = await(docker.images.ensure(request(options().image(ABSENT).get(), log)));

        assertThat(result.origin()).isEqualTo(ImageResult.Origin.BUILT);
        assertThat(result.reference()).isEqualTo(ABSENT);
        assertThat(result.note()).startsWith("pull of " + ABSENT + " failed");
        assertThat(log).anyMatch(line -> line.startsWith("Step 1/"));
        assertThat(await(docker.images.localImageId(ABSENT))).contains(result.imageId());
    }

    @Test
    void localImageIsUsedWithoutPullOrBuild() {
        ImageResult result = await(docker.images.ensure(request(options().image(docker.jreBase).get(),
                new CopyOnWriteArrayList<>())));

        assertThat(result.origin()).isEqualTo(ImageResult.Origin.LOCAL);
    }

    @Test
    void failingBuildNamesTheFailingStepAndTheEngineMessage() throws IOException {
        Files.writeString(projectDir.resolve("Dockerfile.fail"), "FROM " + docker.jreBase + "\nRUN false\n");
        String tag = docker.imageTag("fail");
        BuildOptions build = new BuildOptions(".", "Dockerfile.fail", Map.of(), null, List.of(), Map.of(), null, false);

        assertThatThrownBy(() -> await(docker.images.ensure(request(options().image(tag).build(build).get(),
                new CopyOnWriteArrayList<>()))))
                .isInstanceOf(ComposeException.class)
                .satisfies(e -> assertThat(((ComposeException) e).code()).isEqualTo(ErrorCode.RUNTIME_FAILED))
                .hasMessageContaining("failed at Step 2/2 : RUN false")
                .hasMessageContaining("returned a non-zero code: 1");
    }

    @Test
    void targetWithoutDockerfileBuildsTheContextsDockerfileWithArgsAndLabels() throws IOException {
        Path context = Files.createDirectories(projectDir.resolve("custom"));
        Files.writeString(context.resolve("Dockerfile"), """
                FROM %s AS runtime
                ARG GREETING=unset
                ENV GREETING=$GREETING
                LABEL stage=runtime
                FROM runtime AS development
                LABEL stage=development
                """.formatted(docker.jreBase));
        String tag = docker.imageTag("multi");
        BuildOptions build = new BuildOptions("custom", null, Map.of("GREETING", "hello"), "runtime",
                List.of(docker.jreBase), Map.of("app", "model-compose", "version", "1.0"), "host", false);

        ImageResult result = await(docker.images.ensure(request(options().image(tag).build(build).get(),
                new CopyOnWriteArrayList<>())));

        InspectImageResponse image = docker.client.inspectImageCmd(result.imageId()).exec();
        assertThat(image.getConfig().getEnv()).contains("GREETING=hello");
        assertThat(image.getConfig().getLabels()).containsEntry("stage", "runtime")
                .containsEntry("app", "model-compose").containsEntry("version", "1.0");
        assertThat(image.getRepoTags()).contains(tag);
    }
}
