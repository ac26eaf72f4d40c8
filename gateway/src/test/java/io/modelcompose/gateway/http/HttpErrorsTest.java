package io.modelcompose.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpErrorsTest {

    @ParameterizedTest
    @CsvSource({
        "BAD_REQUEST, 400", "EXPRESSION, 400", "CONFIG_INVALID, 400", "NOT_FOUND, 404", "CONFLICT, 409",
        "PAYLOAD_TOO_LARGE, 413", "QUEUE_FULL, 429", "UNAVAILABLE, 503", "INTERNAL, 500",
        "COMPONENT_FAILED, 500", "TIMEOUT, 500", "CANCELLED, 500", "RUNTIME_FAILED, 500"
    })
    void mapsEachErrorCodeToItsStatus(ErrorCode code, int status) {
        assertThat(HttpErrors.statusOf(code)).isEqualTo(status);
    }
}
