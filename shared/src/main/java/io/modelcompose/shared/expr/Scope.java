package io.modelcompose.shared.expr;

import java.util.Map;

/**
 * Where the sources of {@code ${...}} expressions come from: {@code input}, {@code output}, {@code jobs},
 * {@code context}, {@code env}, {@code result}, {@code response}, {@code stdout}, ... A source the scope does not
 * know is reported as {@link #ABSENT}; expressions then read it as null.
 */
public interface Scope {
    /** Marks "no such source" (or "no such finished job"), as opposed to a source whose value is null. */
    Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "ABSENT";
        }
    };

    /**
     * Returns the value of a root source, or {@link #ABSENT} when this scope has no source of that name.
     *
     * @param name the source name, e.g. {@code input}
     */
    Object source(String name);

    /**
     * For {@code output.<name>}: the output of the finished job {@code jobId}, or {@link #ABSENT} when no job of
     * that id has finished (then {@code output.<name>} reads field {@code <name>} of the {@code output} source).
     */
    default Object jobOutput(String jobId) {
        return ABSENT;
    }

    /** A scope whose sources override those of this scope; a key mapped to null overrides with null. */
    default Scope with(Map<String, ?> overrides) {
        return new OverlayScope(this, overrides);
    }

    /** A scope over a map of sources (not copied: later changes to the map are visible). */
    static Scope of(Map<String, ?> sources) {
        return new MapScope(sources, Map.of());
    }

    /**
     * A scope over a map of sources and the outputs of finished jobs (neither copied). Unless {@code sources}
     * has its own {@code jobs} entry, the source {@code jobs} is a view {@code {<id>: {output: <value>}}} of
     * {@code finishedJobOutputs}, so {@code ${jobs.<id>.output}} works.
     */
    static Scope of(Map<String, ?> sources, Map<String, ?> finishedJobOutputs) {
        return new MapScope(sources, finishedJobOutputs);
    }

    /** A scope with no sources at all. */
    static Scope empty() {
        return MapScope.EMPTY;
    }
}
