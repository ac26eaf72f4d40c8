package io.modelcompose.gateway.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdempotencyClaimTest {
    @Test
    void theFingerprintIgnoresKeyOrderAtEveryLevel() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("b", 2);
        inner.put("a", List.of(1, Map.of("y", true, "x", "s")));
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("a", List.of(1, Map.of("x", "s", "y", true)));
        reordered.put("b", 2);

        assertThat(IdempotencyClaim.of("k", "wf", Map.of("n", inner)).fingerprint())
                .hasSize(64).isEqualTo(IdempotencyClaim.of("k", "wf", Map.of("n", reordered)).fingerprint());
    }

    @Test
    void anotherInputOrWorkflowIsAnotherFingerprint() {
        String base = IdempotencyClaim.of("k", "wf", Map.of("n", 1)).fingerprint();

        assertThat(IdempotencyClaim.of("k", "wf", Map.of("n", 2)).fingerprint()).isNotEqualTo(base);
        assertThat(IdempotencyClaim.of("k", "other", Map.of("n", 1)).fingerprint()).isNotEqualTo(base);
        assertThat(IdempotencyClaim.of("k", "wf", null).fingerprint()).isNotEqualTo(base);
    }

    @Test
    void anotherBodyIsRefusedAsUnprocessableNamingTheKey() {
        IdempotencyClaim first = IdempotencyClaim.of("order-42", "wf", Map.of("n", 1));
        IdempotencyClaim second = IdempotencyClaim.of("order-42", "wf", Map.of("n", 2));

        assertThatCode(() -> first.requireSameBody(first.fingerprint())).doesNotThrowAnyException();
        assertThatCode(() -> first.requireSameBody(null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> second.requireSameBody(first.fingerprint()))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.code())
                        .isEqualTo(ErrorCode.UNPROCESSABLE))
                .hasMessageContaining("Idempotency-Key 'order-42'");
    }
}
