package io.modelcompose.shared.config.tree;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every configuration problem of one load. */
public final class Problems {
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<ConfigProblem> warnings = new ArrayList<>();

    public void add(SourceLocation location, String path, String message) {
        problems.add(new ConfigProblem(location, path, message));
    }

    /** Reports that {@code node} at {@code path} is not what was expected, e.g. "expected an integer, got 'abc'". */
    public void wrongType(YNode node, String path, String expected) {
        add(node.location(), path, "expected " + expected + ", got " + node.describe());
    }

    /** Notes a key that is accepted but not acted on; warnings never fail a load. */
    public void warn(SourceLocation location, String path, String message) {
        warnings.add(new ConfigProblem(location, path, message));
    }

    /** The warnings, ordered like {@link #sorted}. */
    public List<ConfigProblem> sortedWarnings(List<String> fileOrder) {
        return order(warnings, fileOrder);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /**
     * The problems ordered by file (in the order given) and line; problems of other files (env files) come first.
     */
    public List<ConfigProblem> sorted(List<String> fileOrder) {
        return order(problems, fileOrder);
    }

    private static List<ConfigProblem> order(List<ConfigProblem> list, List<String> fileOrder) {
        List<ConfigProblem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.<ConfigProblem>comparingInt(p -> fileOrder.indexOf(p.location().file()))
                .thenComparingInt(p -> p.location().line()));
        return sorted;
    }
}
