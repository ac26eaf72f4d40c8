package io.modelcompose.worker.component;

import static io.modelcompose.worker.component.Jobs.await;
import static io.modelcompose.worker.component.Jobs.failure;
import static io.modelcompose.worker.component.Jobs.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.ShellAction;
import io.modelcompose.shared.config.WorkflowAction;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The runner's own contract: the output template's scope, and failures only ever as failed futures. */
@ExtendWith(VertxExtension.class)
class ComponentRunnerTest {
    private ComponentRunner runner;

    @BeforeEach
    void startRunner(Vertx vertx) {
        runner = new ComponentRunner(vertx, 2);
    }

    @AfterEach
    void closeRunner() {
        runner.close();
    }

    @Test
    void outputTemplateSeesInputContextAndEnvironmentToo() {
        Map<String, Object> template = Map.of("who", "${input.name}", "run", "${context.run_id}",
                "token", "${env.TOKEN}", "raw", "${output.stdout}");
        ShellAction action = new ShellAction("__action__", false, template, "echo out", null, null, null, true);

        Object output = await(runner.execute(request(action, Map.of("name", "Ada")), new CancelSignal())).output();

        assertThat(output).isEqualTo(Map.of("who", "Ada", "run", Jobs.RUN_ID, "token", "secret-token",
                "raw", "out"));
    }

    @Test
    void reportsABadOutputTemplateAsAFailedFuture() {
        ShellAction action = new ShellAction("__action__", false, "${stdout - 1}", "echo text", null, null, null,
                true);

        ComposeException error = failure(runner.execute(request(action, null), new CancelSignal()));

        assertThat(error.code()).isEqualTo(ErrorCode.EXPRESSION);
    }

    @Test
    void refusesWorkflowActionsWithAFailedFutureInsteadOfThrowing() {
        WorkflowAction action = new WorkflowAction("__action__", false, null, "child", null);

        Future<ComponentResult> result = runner.execute(request(action, null), new CancelSignal());

        assertThat(failure(result).code()).isEqualTo(ErrorCode.INTERNAL);
    }
}
