package io.modelcompose.runtimeagent.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The executor's own behaviour; no call reaches an engine. */
class DockerExecutorTest {

    @Test
    void runsCallsOnNamedDockerThreads() {
        try (DockerExecutor executor = new DockerExecutor(DockerClients.fromEnvironment(), 2, 4)) {
            String thread = executor.submit("name the thread", c -> Thread.currentThread().getName()).join();

            assertThat(thread).matches("docker-[12]");
        }
    }

    @Test
    void rejectsCallsBeyondTheQueueAsUnavailable() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (DockerExecutor executor = new DockerExecutor(DockerClients.fromEnvironment(), 1, 1)) {
            CompletableFuture<Object> busy = executor.submit("block", c -> await(release));
            CompletableFuture<Object> queued = executor.submit("wait in queue", c -> "queued");

            CompletableFuture<Object> rejected = executor.submit("overflow", c -> "never");

            assertThatThrownBy(rejected::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(ComposeException.class)
                    .satisfies(e -> assertThat(((ComposeException) e).code()).isEqualTo(ErrorCode.UNAVAILABLE))
                    .hasMessageContaining("cannot overflow");
            release.countDown();
            assertThat(queued.join()).isEqualTo("queued");
            assertThat(busy.join()).isEqualTo(true);
        }
    }

    @Test
    void turnsFailuresIntoComposeExceptions() {
        try (DockerExecutor executor = new DockerExecutor(DockerClients.fromEnvironment(), 1, 1)) {
            CompletableFuture<Object> failed = executor.submit("explode", c -> {
                throw new IllegalStateException("boom");
            });

            assertThatThrownBy(failed::join).cause().isInstanceOf(ComposeException.class)
                    .hasMessage("docker call failed: explode: boom");
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
