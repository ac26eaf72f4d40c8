package io.modelcompose.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.Image;
import io.modelcompose.testkit.docker.LocalImages;
import io.modelcompose.testkit.docker.RequiresDocker;
import io.modelcompose.testkit.docker.TestDocker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Builds the service image from the repository's Dockerfile (on the local JRE base) and runs the CLI in it. */
@RequiresDocker
class ServiceImageIT {
    private static final Path ROOT = RepoFiles.root();
    private static final String TAG = "compose/compose:it";
    private static DockerClient docker;

    @BeforeAll
    static void buildImage() {
        for (String packaged : List.of("cli/target/compose-cli.jar", "cli/target/lib", "broker/target/lib")) {
            assertThat(ROOT.resolve(packaged)).as("run 'mvn package' for cli and broker first").exists();
        }
        String base = LocalImages.jreBase();
        docker = TestDocker.newClient();
        StringBuilder log = new StringBuilder();
        docker.buildImageCmd()
                .withBaseDirectory(ROOT.toFile())
                .withDockerfile(ROOT.resolve("Dockerfile").toFile())
                .withBuildArg("BASE_IMAGE", base)
                .withTags(Set.of(TAG))
                .withPull(false)
                .withRemove(true)
                .exec(new BuildImageResultCallback() {
                    @Override
                    public void onNext(BuildResponseItem item) {
                        if (item.getStream() != null) {
                            log.append(item.getStream());
                        }
                        super.onNext(item);
                    }
                })
                .awaitImageId(5, TimeUnit.MINUTES);
        assertThat(log).as("build log").contains("Successfully tagged " + TAG);
    }

    @AfterAll
    static void removeImage() throws IOException {
        if (docker != null) {
            try {
                docker.removeImageCmd(TAG).withForce(true).exec();
            } catch (NotFoundException e) {
                // never built
            }
            // The first stage stays behind as an untagged image; drop it (it carries the label the Dockerfile sets).
            for (Image stage : docker.listImagesCmd().withDanglingFilter(true)
                    .withLabelFilter(Map.of("compose.stage", "app")).exec()) {
                docker.removeImageCmd(stage.getId()).withForce(true).exec();
            }
            docker.close();
        }
    }

    /** Runs the image's entry point with {@code args}; files are copied into {@code /project} first. */
    private static Result run(Path projectFile, String... args) throws Exception {
        String id = docker.createContainerCmd(TAG).withCmd(args).exec().getId();
        try {
            if (projectFile != null) {
                docker.copyArchiveToContainerCmd(id).withRemotePath("/project")
                        .withTarInputStream(new java.io.ByteArrayInputStream(tarOf(projectFile))).exec();
            }
            docker.startContainerCmd(id).exec();
            int exit = docker.waitContainerCmd(id).start().awaitStatusCode(60, TimeUnit.SECONDS);
            return new Result(exit, logs(id));
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }

    private static byte[] tarOf(Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry(file.getFileName().toString());
            byte[] content = Files.readAllBytes(file);
            entry.setSize(content.length);
            entry.setMode(0644);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static String logs(String id) throws InterruptedException {
        StringBuilder text = new StringBuilder();
        docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                text.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);
        return text.toString();
    }

    private record Result(int exitCode, String output) {
    }

    @Test
    void printsTheVersion() throws Exception {
        Result result = run(null, "--version");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().strip()).isEqualTo("compose 0.1.0");
    }

    @Test
    void validatesTheDeployedConfigAsAnUnprivilegedUser() throws Exception {
        Result result = run(ROOT.resolve("deploy/base/model-compose.yml"), "validate");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("configuration is valid").contains("0.0.0.0:8080");
        assertThat(docker.inspectImageCmd(TAG).exec().getConfig().getUser()).isEqualTo("1000:1000");
    }
}
