package io.modelcompose.shared.expr;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@link Scope} over plain maps; see {@link Scope#of(Map, Map)}. */
final class MapScope implements Scope {
    static final MapScope EMPTY = new MapScope(Map.of(), Map.of());

    private final Map<String, ?> sources;
    private final Map<String, ?> jobOutputs;
    private final Map<String, Object> jobsView;

    MapScope(Map<String, ?> sources, Map<String, ?> jobOutputs) {
        this.sources = Objects.requireNonNull(sources, "sources");
        this.jobOutputs = Objects.requireNonNull(jobOutputs, "finishedJobOutputs");
        this.jobsView = new JobsView(jobOutputs);
    }

    @Override
    public Object source(String name) {
        Object value = sources.get(name);
        if (value != null || sources.containsKey(name)) {
            return value;
        }
        return "jobs".equals(name) ? jobsView : ABSENT;
    }

    @Override
    public Object jobOutput(String jobId) {
        Object value = jobOutputs.get(jobId);
        if (value != null || jobOutputs.containsKey(jobId)) {
            return value;
        }
        return ABSENT;
    }

    /** Read-only live view {@code {<id>: {output: <value>}}} of the finished jobs' outputs. */
    private static final class JobsView extends AbstractMap<String, Object> {
        private final Map<String, ?> outputs;

        JobsView(Map<String, ?> outputs) {
            this.outputs = outputs;
        }

        @Override
        public Object get(Object key) {
            Object value = outputs.get(key);
            if (value == null && !outputs.containsKey(key)) {
                return null;
            }
            return Collections.singletonMap("output", value);
        }

        @Override
        public boolean containsKey(Object key) {
            return outputs.containsKey(key);
        }

        @Override
        public int size() {
            return outputs.size();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            Set<Entry<String, Object>> entries = new LinkedHashSet<>();
            for (Map.Entry<String, ?> entry : outputs.entrySet()) {
                Object job = Collections.singletonMap("output", entry.getValue());
                entries.add(new SimpleImmutableEntry<>(entry.getKey(), job));
            }
            return Collections.unmodifiableSet(entries);
        }
    }
}
