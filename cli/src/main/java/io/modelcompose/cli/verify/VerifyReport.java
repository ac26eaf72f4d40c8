package io.modelcompose.cli.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * What one verify run found. It passes when no accepted run was lost, no duplicate execution lacks a lease expiry
 * to justify it and no limit was exceeded.
 *
 * @param accepted runs the gateway accepted
 * @param completed of those, completed
 * @param failed of those, failed or cancelled
 * @param lost of those, with no terminal state by the deadline (their task ids)
 * @param executions executions in the ledger
 * @param duplicates executions of a job after its first
 * @param limits peak concurrency per limit
 * @param recoveryMillis per scheduler kill, ms to the first job start after it (-1: none started)
 * @param kills how many kills per role
 * @param leaseMillis the lease the roles ran with
 * @param seconds how long the verify run took
 */
public record VerifyReport(int accepted, int completed, int failed, List<String> lost, int executions,
        List<Duplicate> duplicates, List<LimitCheck> limits, List<Long> recoveryMillis, Map<String, Integer> kills,
        long leaseMillis, double seconds) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @JsonProperty("unjustifiedDuplicates")
    public long unjustified() {
        return duplicates.stream().filter(d -> !d.justified()).count();
    }

    @JsonProperty("passed")
    public boolean passed() {
        return lost.isEmpty() && unjustified() == 0 && limits.stream().noneMatch(LimitCheck::exceeded);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new ComposeException(ErrorCode.INTERNAL, "cannot write the report: " + e.getOriginalMessage());
        }
    }

    /** The human-readable report. */
    public void print(PrintWriter out) {
        out.printf("runs: accepted %d, completed %d, failed %d, lost %d%n", accepted, completed, failed, lost.size());
        lost.stream().limit(10).forEach(id -> out.printf("  lost: %s%n", id));
        out.printf("executions: %d, beyond the first per job: %d (justified by a lease expiry %d, unjustified %d)%n",
                executions, duplicates.size(), duplicates.size() - unjustified(), unjustified());
        duplicates.stream().filter(d -> !d.justified()).limit(10)
                .forEach(d -> out.printf("  unjustified: %s attempt %d: %s%n", d.jobKey(), d.attempt(), d.reason()));
        for (LimitCheck limit : limits) {
            out.printf("peak %s: %d of limit %d%s%n", limit.name(), limit.peak(), limit.limit(),
                    limit.exceeded() ? "  EXCEEDED" : "");
        }
        out.printf("kills: %s; lease %d ms%n", kills, leaseMillis);
        for (int i = 0; i < recoveryMillis.size(); i++) {
            out.printf("scheduler kill %d: first job start %s%n", i + 1, recoveryMillis.get(i) < 0 ? "never"
                    : recoveryMillis.get(i) + " ms after");
        }
        out.printf("%s in %.1f s%n", passed() ? "PASSED" : "FAILED", seconds);
        out.flush();
    }
}
