package io.modelcompose.gateway.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code Idempotency-Key} of a submission and the fingerprint of its body: SHA-256 of the canonical JSON (keys
 * sorted at every level) of the workflow id and the input. The same key with another fingerprint is refused.
 *
 * @param key the header's value, as the client sent it (named in the refusal)
 * @param fingerprint the body's fingerprint, 64 hex digits
 */
public record IdempotencyClaim(String key, String fingerprint) {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** The claim of {@code key} for a run of {@code workflowId} with {@code input} (plain JSON values). */
    public static IdempotencyClaim of(String key, String workflowId, Object input) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input", input);
        body.put("workflow_id", workflowId);
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(body);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return new IdempotencyClaim(key, HexFormat.of().formatHex(digest));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new ComposeException(ErrorCode.INTERNAL, "cannot fingerprint the request body: " + e.getMessage(),
                    e);
        }
    }

    /** Fails unless {@code known} (the fingerprint the key was first used with, or null) is this one. */
    public void requireSameBody(String known) {
        if (known != null && !known.equals(fingerprint)) {
            throw new ComposeException(ErrorCode.UNPROCESSABLE, "Idempotency-Key '" + key
                    + "' was already used with a different request body (workflow_id or input); use a new key"
                    + " for a different request.");
        }
    }
}
