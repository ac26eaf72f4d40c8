package io.modelcompose.runtimeagent.container;

import static io.modelcompose.runtimeagent.testing.DockerFixture.await;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.bind;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.options;
import static io.modelcompose.runtimeagent.testing.OptionsBuilder.volume;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.modelcompose.runtimeagent.testing.DockerFixture;
import io.modelcompose.runtimeagent.testing.OptionsBuilder;
import io.modelcompose.shared.config.docker.HealthcheckOptions;
import io.modelcompose.shared.config.docker.RestartPolicy;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.testkit.docker.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restart policies act on exits; named volumes outlive their container; a read-only bind cannot be written; waits
 * report unhealthy and exited containers; stop is quick because init forwards the signal.
 */
@RequiresDocker
class RestartAndVolumesIT {
    private static DockerFixture docker;
    @TempDir
    static Path projectDir;

    @BeforeAll
    static void setUp() {
        docker = new DockerFixture();
    }

    @AfterAll
    static void cleanUp() throws IOException {
        docker.close();
    }

    private static RunningContainer up(String name, OptionsBuilder options) {
        ContainerSpec spec = ContainerSpecMapper.map(options.image(docker.jreBase)
                .containerName(docker.project + "-" + name).get(), MappingContext.controller(docker.project, projectDir, 0));
        return await(docker.containers.up(spec, w -> { }));
    }

    private static long restartCount(RunningContainer container) {
        return docker.inspect(container.id()).getRestartCount();
    }

    @Test
    void onFailureRestartsAContainerThatExitsWithOne() {
        RunningContainer failing = up("on-failure", options().entrypoint("/bin/sh", "-c").command("exit 1")
                .restart(RestartPolicy.ON_FAILURE));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(restartCount(failing)).isGreaterThanOrEqualTo(2));
        assertThat(docker.inspect(failing.id()).getHostConfig().getRestartPolicy().getName()).isEqualTo("on-failure");
    }

    @Test
    void alwaysRestartsAContainerThatExitsCleanly() {
        RunningContainer clean = up("always", options().entrypoint("/bin/sh", "-c").command("exit 0")
                .restart(RestartPolicy.ALWAYS));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(restartCount(clean)).isGreaterThanOrEqualTo(2));
    }

    @Test
    void noRestartLeavesAnExitedContainerExited() {
        RunningContainer once = up("no-restart", options().entrypoint("/bin/sh", "-c").command("exit 3")
                .restart(RestartPolicy.NO));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(docker.inspect(once.id()).getState().getStatus()).isEqualTo("exited"));
        assertThat(docker.inspect(once.id()).getState().getExitCodeLong()).isEqualTo(3L);
        assertThat(restartCount(once)).isZero();
    }

    @Test
    void namedVolumeKeepsDataAcrossRemoveAndRecreate() {
        String data = docker.volumeName("keep");
        RunningContainer writer = up("vol", options().volume(volume(data, "/data", false))
                .entrypoint("/bin/sh", "-c").command("echo kept-value > /data/file && echo written && exec sleep 300"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logsOf(writer)).contains("written"));
        await(docker.containers.stop(writer.id(), Duration.ofSeconds(5)));
        await(docker.containers.remove(writer.id()));

        RunningContainer reader = up("vol", options().volume(volume(data, "/data", false))
                .entrypoint("/bin/sh", "-c").command("cat /data/file && exec sleep 300"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logsOf(reader)).contains("kept-value"));
        assertThat(docker.client.inspectVolumeCmd(data).exec().getName()).isEqualTo(data);
    }

    @Test
    void readOnlyBindCannotBeWritten() throws IOException {
        Path shared = Files.createDirectories(projectDir.resolve("ro"));
        RunningContainer container = up("ro", options().volume(bind("./ro", "/ro", true, null))
                .entrypoint("/bin/sh", "-c")
                .command("if touch /ro/attempt 2>/dev/null; then echo WROTE; else echo READ-ONLY; fi; exec sleep 300"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logsOf(container)).contains("READ-ONLY"));
        assertThat(shared.resolve("attempt")).doesNotExist();
    }

    @Test
    void missingBindSourceFolderIsCreatedAndWritable() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        ContainerSpec spec = ContainerSpecMapper.map(options().image(docker.jreBase)
                .containerName(docker.project + "-fresh").volume(bind("./fresh/models", "/models", false, null))
                .entrypoint("/bin/sh", "-c").command("echo made > /models/file && exec sleep 300").get(),
                MappingContext.controller(docker.project, projectDir, 0));

        await(docker.containers.up(spec, warnings::add));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(projectDir.resolve("fresh/models/file")).hasContent("made"));
        assertThat(warnings).anyMatch(w -> w.startsWith("created the missing bind mount source"));
    }

    @Test
    void upReplacesOurOwnContainerOfTheSameName() {
        RunningContainer first = up("replace", options().entrypoint("/bin/sh", "-c").command("exec sleep 300"));
        RunningContainer second = up("replace", options().entrypoint("/bin/sh", "-c").command("exec sleep 300"));

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(await(docker.containers.inspect(first.id()))).isEmpty();
    }

    @Test
    void waitHealthyFailsWithTheLastCheckOutputWhenTheCheckFails() {
        RunningContainer sick = up("sick", options().entrypoint("/bin/sh", "-c").command("exec sleep 300")
                .healthcheck(new HealthcheckOptions(List.of("CMD-SHELL", "echo no database; exit 1"),
                        Duration.ofMillis(300), Duration.ofSeconds(2), 1, null)));

        assertThatThrownBy(() -> await(docker.containers.waitHealthy(sick.id(), Duration.ofSeconds(20))))
                .isInstanceOf(ComposeException.class)
                .hasMessage("container '" + docker.project + "-sick' is unhealthy; last check said: no database");
    }

    @Test
    void waitRunningFailsWithTheExitCodeWhenTheContainerExits() {
        RunningContainer quitter = up("quitter", options().entrypoint("/bin/sh", "-c").command("exit 7"));
        // a container this quick may still be seen running by a first inspection; wait until it has exited
        await().atMost(Duration.ofSeconds(10)).until(() -> !docker.inspect(quitter.id()).getState().getRunning());

        assertThatThrownBy(() -> await(docker.containers.waitRunning(quitter.id(), Duration.ofSeconds(20))))
                .hasMessage("container '" + docker.project + "-quitter' exited with code 7");
    }

    @Test
    void stopIsQuickBecauseInitForwardsTheSignal() {
        RunningContainer sleeper = up("sleeper", options().command("sleep", "300"));
        await(docker.containers.waitRunning(sleeper.id(), Duration.ofSeconds(10)));

        long start = System.nanoTime();
        await(docker.containers.stop(sleeper.id(), Duration.ofSeconds(10)));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(docker.inspect(sleeper.id()).getState().getRunning()).isFalse();
    }

    @Test
    void followedLogsStreamLinesUntilTheContainerStops() {
        RunningContainer talker = up("talker", options().entrypoint("/bin/sh", "-c")
                .command("i=0; while [ $i -lt 20 ]; do echo line-$i; echo err-$i >&2; i=$((i+1)); sleep 0.05; done"));
        List<LogLine> lines = new CopyOnWriteArrayList<>();

        LogStream stream = await(docker.containers.logs(talker.id(), true, lines::add));

        await().atMost(Duration.ofSeconds(20)).until(() -> stream.done().isDone());
        assertThat(lines).contains(new LogLine(LogLine.Stream.STDOUT, "line-0"),
                new LogLine(LogLine.Stream.STDOUT, "line-19"), new LogLine(LogLine.Stream.STDERR, "err-19"));
        assertThat(lines).hasSize(40);
    }

    private static List<String> logsOf(RunningContainer container) {
        List<String> lines = new CopyOnWriteArrayList<>();
        LogStream stream = await(docker.containers.logs(container.id(), false, l -> lines.add(l.text())));
        await(stream.done());
        return lines;
    }
}
