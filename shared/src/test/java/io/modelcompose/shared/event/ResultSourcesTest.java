package io.modelcompose.shared.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.shared.event.JobEvents.JobFinished;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A shell result's stdout travels once in its record, and the scheduler gets every source back. */
class ResultSourcesTest {
    private static Map<String, Object> shellResult(String stdout) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("stdout", stdout);
        result.put("stderr", "");
        result.put("exit_code", 0);
        return result;
    }

    private static Map<String, Object> shellSources(Map<String, Object> result) {
        Map<String, Object> sources = new LinkedHashMap<>(result);
        sources.put("result", result);
        return sources;
    }

    @Test
    void keepsALargeStdoutOnceInTheEncodedRecord() {
        String stdout = "o".repeat(100_000);
        Map<String, Object> output = shellResult(stdout);
        Map<String, Object> sources = shellSources(output);

        JobFinished record = new JobFinished(1, "r", "j", 1, "w", true, output, ResultSources.compact(output,
                sources), null);

        int size = EventCodec.encode(record).length;
        assertThat(size).isBetween(100_000, 101_000);
    }

    @Test
    void expandsToTheSourcesItWasGiven() {
        Map<String, Object> output = shellResult("hi");
        Map<String, Object> sources = shellSources(output);
        sources.put("extra", "kept");

        Map<String, Object> compact = ResultSources.compact(output, sources);
        JobFinished decoded = (JobFinished) EventCodec.decode(EventCodec.encode(new JobFinished(1, "r", "j", 1, "w",
                true, output, compact, null)));

        assertThat(compact).containsOnlyKeys("extra", ResultSources.FROM_OUTPUT);
        assertThat(compact.get(ResultSources.FROM_OUTPUT)).isEqualTo(List.of("stdout", "stderr", "exit_code",
                "result"));
        assertThat(ResultSources.expand(decoded.output(), decoded.sources())).isEqualTo(sources);
    }

    @Test
    void leavesSourcesThatDifferFromTheOutput() {
        Map<String, Object> sources = shellSources(shellResult("raw"));

        assertThat(ResultSources.compact(Map.of("stdout", "shaped"), sources)).isEqualTo(sources);
    }
}
