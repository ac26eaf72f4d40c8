package io.modelcompose.worker.component;

import static io.modelcompose.worker.component.Jobs.failure;
import static io.modelcompose.worker.component.Jobs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.modelcompose.shared.config.ShellAction;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Timeouts and cancellation kill the shell and everything it started. */
@ExtendWith(VertxExtension.class)
class ShellProcessTreeTest {
    /** A shell with a background child, a nested shell and its own child (a grandchild); it records their pids. */
    private static final String TREE = "echo $$ > shell.pid; "
            + "sh -c 'sleep 30 & echo $! > grandchild.pid; wait' & echo $! > nested.pid; "
            + "sleep 30 & echo $! > child.pid; wait";

    @TempDir
    Path project;
    private ComponentRunner runner;

    @BeforeEach
    void startRunner(Vertx vertx) {
        runner = new ComponentRunner(vertx, 4);
    }

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    private Path[] pidFiles() {
        return new Path[] {project.resolve("shell.pid"), project.resolve("nested.pid"),
            project.resolve("grandchild.pid"), project.resolve("child.pid")};
    }

    @Test
    void jobTimeoutKillsTheWholeProcessTree() throws Exception {
        ShellAction action = new ShellAction("__action__", false, null, "sleep 30 & " + TREE, null, null, null,
                true);
        Future<ComponentResult> result = runner.execute(request(action, null, 2_000, project), new CancelSignal());
        await().atMost(Duration.ofSeconds(10)).until(() -> Processes.written(pidFiles()));
        ComposeException error = failure(result);

        assertThat(error.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertAllGone(Processes.pids(pidFiles()));
    }

    @Test
    void actionTimeoutKillsTheProcessTreeToo() throws Exception {
        ShellAction action = new ShellAction("__action__", false, null, TREE, null, null, Duration.ofMillis(2_000),
                true);

        Future<ComponentResult> result = runner.execute(request(action, null, 0, project), new CancelSignal());
        await().atMost(Duration.ofSeconds(10)).until(() -> Processes.written(pidFiles()));
        ComposeException error = failure(result);

        assertThat(error.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertAllGone(Processes.pids(pidFiles()));
    }

    @Test
    void cancelKillsTheWholeProcessTree() throws Exception {
        ShellAction action = new ShellAction("__action__", false, null, TREE, null, null, null, true);
        CancelSignal cancel = new CancelSignal();

        Future<ComponentResult> result = runner.execute(request(action, null, 0, project), cancel);
        await().atMost(Duration.ofSeconds(10)).until(() -> Processes.written(pidFiles()));
        List<Long> pids = Processes.pids(pidFiles());
        assertThat(pids).allMatch(Processes::running);
        cancel.cancel();
        ComposeException error = failure(result);

        assertThat(error.code()).isEqualTo(ErrorCode.CANCELLED);
        assertAllGone(pids);
    }

    @Test
    void neverStartsACommandThatWasCancelledBeforehand() throws Exception {
        ShellAction action = new ShellAction("__action__", false, null, "touch started", null, null, null, true);
        CancelSignal cancel = new CancelSignal();
        cancel.cancel();

        ComposeException error = failure(runner.execute(request(action, null, 0, project), cancel));

        assertThat(error.code()).isEqualTo(ErrorCode.CANCELLED);
        assertThat(Files.exists(project.resolve("started"))).isFalse();
    }

    private static void assertAllGone(List<Long> pids) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(pids).as("pids still running").noneMatch(Processes::running));
    }
}
