package io.modelcompose.cli.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerifyReportTest {
    private static VerifyReport report(List<String> lost, List<Duplicate> duplicates, int peak) {
        return new VerifyReport(10, 10 - lost.size(), 0, lost, 21, duplicates,
                List.of(new LimitCheck("component limited", 2, peak)), List.of(850L), Map.of("worker", 1), 5000, 12.5);
    }

    private static final Duplicate JUSTIFIED = new Duplicate("r1/work", 2, 5000, true, "worker 1 killed");

    @Test
    void passesOnlyWithNothingLostNoUnjustifiedDuplicateAndNoLimitExceeded() {
        assertThat(report(List.of(), List.of(JUSTIFIED), 2).passed()).isTrue();
        assertThat(report(List.of("t1"), List.of(), 2).passed()).as("a lost run").isFalse();
        assertThat(report(List.of(), List.of(new Duplicate("r1/work", 1, 5000, false, "x")), 2).passed())
                .as("an unjustified duplicate").isFalse();
        assertThat(report(List.of(), List.of(), 3).passed()).as("a limit exceeded").isFalse();
    }

    @Test
    void theJsonHoldsTheFiguresAndTheVerdict() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report(List.of(), List.of(JUSTIFIED), 3).toJson());

        assertThat(json.path("accepted").asInt()).isEqualTo(10);
        assertThat(json.path("duplicates").get(0).path("justified").asBoolean()).isTrue();
        assertThat(json.path("unjustifiedDuplicates").asInt()).isZero();
        assertThat(json.path("limits").get(0).path("peak").asInt()).isEqualTo(3);
        assertThat(json.path("recoveryMillis").get(0).asLong()).isEqualTo(850);
        assertThat(json.path("passed").asBoolean()).isFalse();
    }

    @Test
    void theTextMarksAnExceededLimit() {
        StringWriter text = new StringWriter();
        report(List.of(), List.of(), 3).print(new PrintWriter(text));

        assertThat(text.toString()).contains("peak component limited: 3 of limit 2  EXCEEDED")
                .contains("scheduler kill 1: first job start 850 ms after").contains("FAILED");
    }
}
