package io.modelcompose.runtimeagent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class EngineErrorsTest {
    @Test
    void extractsTheEngineMessageFromTheJsonBody() {
        var failure = new BadRequestException(
                "Status 400: {\"message\":\"Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available\"}\n");

        assertThat(EngineErrors.engineMessage(failure))
                .isEqualTo("Range of CPUs is from 0.01 to 2.00, as there are only 2 CPUs available");
    }

    @Test
    void unescapesQuotesAndStripsFutureWrappers() {
        var failure = new CompletionException(new NotFoundException(
                "Status 404: {\"message\":\"network \\\"x\\\" not found\"}"));

        assertThat(EngineErrors.engineMessage(failure)).isEqualTo("network \"x\" not found");
        assertThat(EngineErrors.isNotFound(failure)).isTrue();
    }

    @Test
    void wrapsEngineRefusalsAsRuntimeFailedAndKeepsComposeExceptions() {
        ComposeException refused = EngineErrors.toCompose("start container 'a'",
                new BadRequestException("Status 400: {\"message\":\"bad\"}"));
        ComposeException kept = new ComposeException(ErrorCode.TIMEOUT, "late");

        assertThat(refused.code()).isEqualTo(ErrorCode.RUNTIME_FAILED);
        assertThat(refused).hasMessage("docker engine refused to start container 'a': bad");
        assertThat(EngineErrors.toCompose("x", new CompletionException(kept))).isSameAs(kept);
    }
}
