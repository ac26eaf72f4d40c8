package io.modelcompose.worker.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.config.HttpClientAction;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A caller on a thread of its own (not a Vert.x context) gets every answer, also the second one on a connection,
 * which a pooled connection may answer at once: before, about one such call in fifty hung until its timeout (seen
 * as a flaky request test).
 */
class OffContextCallerTest {
    private static final int ROUNDS = 150;

    @Test
    void everyCallFromAPlainThreadGetsItsAnswer() throws Exception {
        int answered = 0;
        for (int round = 0; round < ROUNDS && answered == 2 * round; round++) {
            Vertx vertx = Vertx.vertx();
            try (ComponentRunner runner = new ComponentRunner(vertx, 1);
                    LoopbackServer server = LoopbackServer.start(vertx, router -> { })) {
                HttpClientAction action = new HttpClientAction("__action__", false, null, server.url("/v1"),
                        "/chat", null, null, null, null, null, null);
                answered += calls(runner, action, 2);
            } finally {
                Jobs.await(vertx.close());
            }
        }
        assertThat(answered).as("calls answered before the first that hung").isEqualTo(2 * ROUNDS);
    }

    private static int calls(ComponentRunner runner, HttpClientAction action, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            try {
                runner.execute(Jobs.request(action, Map.of("i", i)), new CancelSignal()).toCompletionStage()
                        .toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (TimeoutException hung) {
                return i;
            }
        }
        return count;
    }
}
