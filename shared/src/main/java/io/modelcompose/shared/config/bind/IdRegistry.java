package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.tree.SourceLocation;
import io.modelcompose.shared.config.tree.Problems;
import java.util.HashMap;
import java.util.Map;

/** Reports ids declared twice in one list (components, workflows, jobs of a workflow, actions of a component). */
final class IdRegistry {
    private final String what;
    private final Problems problems;
    private final Map<String, SourceLocation> seen = new HashMap<>();

    IdRegistry(String what, Problems problems) {
        this.what = what;
        this.problems = problems;
    }

    /** Registers {@code id}; returns false (and reports) when it was already registered. */
    boolean register(String id, SourceLocation location, String path) {
        SourceLocation first = seen.putIfAbsent(id, location);
        if (first != null) {
            problems.add(location, path, "duplicate " + what + " id '" + id + "' (first declared at " + first + ")");
            return false;
        }
        return true;
    }
}
