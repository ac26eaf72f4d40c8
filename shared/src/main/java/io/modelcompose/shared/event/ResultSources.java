package io.modelcompose.shared.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps a job result's expression sources (e.g. a shell job's {@code stdout}, {@code stderr}, {@code exit_code},
 * {@code result}) out of a {@link JobEvents.JobFinished} record when the output already holds them, so that a large
 * stdout travels once, not three times. {@link #compact} drops such entries and lists their names under
 * {@value #FROM_OUTPUT}; {@link #expand} puts them back from the output.
 */
public final class ResultSources {
    /** The sources entry naming the sources that were dropped because the output holds them. */
    public static final String FROM_OUTPUT = "__from_output__";
    private static final String RESULT = "result";

    private ResultSources() {
    }

    /** The sources without the entries the output holds ({@code result} = the output, {@code K} = output's K). */
    public static Map<String, Object> compact(Object output, Map<String, Object> sources) {
        if (sources == null || sources.isEmpty() || output == null) {
            return sources;
        }
        Map<?, ?> fields = output instanceof Map<?, ?> map ? map : Map.of();
        Map<String, Object> kept = new LinkedHashMap<>();
        List<String> derived = new ArrayList<>();
        sources.forEach((name, value) -> {
            boolean fromOutput = name.equals(RESULT) ? value == output || Objects.equals(value, output)
                    : value != null && fields.containsKey(name) && Objects.equals(value, fields.get(name));
            if (fromOutput) {
                derived.add(name);
            } else {
                kept.put(name, value);
            }
        });
        if (!derived.isEmpty()) {
            kept.put(FROM_OUTPUT, derived);
        }
        return kept;
    }

    /** The sources as they were before {@link #compact}. */
    public static Map<String, Object> expand(Object output, Map<String, Object> sources) {
        if (sources == null || !(sources.get(FROM_OUTPUT) instanceof List<?> derived)) {
            return sources;
        }
        Map<?, ?> fields = output instanceof Map<?, ?> map ? map : Map.of();
        Map<String, Object> all = new LinkedHashMap<>(sources);
        all.remove(FROM_OUTPUT);
        for (Object name : derived) {
            String key = String.valueOf(name);
            all.put(key, key.equals(RESULT) ? output : fields.get(key));
        }
        return all;
    }
}
