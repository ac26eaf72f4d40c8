package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.ConditionOperator;
import io.modelcompose.shared.config.Where;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Binds a filter predicate: a leaf {@code {input, operator, value}} or exactly one of {@code all}, {@code any}
 * (lists of predicates) and {@code not} (one predicate), nested to any depth.
 */
final class WhereBinder {
    private static final Set<String> KEYS = Set.of("input", "operator", "value", "all", "any", "not");
    private static final List<String> COMBINATORS = List.of("all", "any", "not");

    private WhereBinder() {
    }

    /** The predicate, or null (reported) when it is malformed. */
    static Where bind(YNode node, String path, Fields owner) {
        Fields where = Fields.of(node, path, owner.problems());
        where.allowOnly(KEYS);
        List<String> combinators = COMBINATORS.stream().filter(where.map()::has).toList();
        boolean leaf = where.map().has("input") || where.map().has("value");
        if (combinators.size() > 1) {
            where.problem("use at most one of 'all', 'any', 'not'; found " + String.join(", ", combinators));
            return null;
        }
        if (!combinators.isEmpty() && leaf) {
            where.problem("a predicate is either a comparison ('input'/'value') or '" + combinators.get(0)
                    + "', not both");
            return null;
        }
        if (combinators.isEmpty()) {
            if (!leaf) {
                where.problem("a predicate needs 'input'/'value', or one of 'all', 'any', 'not'");
                return null;
            }
            return new Where.Leaf(where.template("input"), operator(where), where.template("value"));
        }
        String combinator = combinators.get(0);
        if (combinator.equals("not")) {
            Where inner = where.has("not") ? bind(where.node("not"), where.path("not"), owner) : null;
            return inner == null ? null : new Where.Not(inner);
        }
        YList list = where.list(combinator);
        if (list == null || list.items().isEmpty()) {
            where.problem(combinator, "'" + combinator + "' needs at least one predicate");
            return null;
        }
        List<Where> nested = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            Where inner = bind(list.items().get(i), ConfigPath.index(where.path(combinator), i), owner);
            if (inner != null) {
                nested.add(inner);
            }
        }
        return combinator.equals("all") ? new Where.All(nested) : new Where.Any(nested);
    }

    /** {@code operator} of a condition (default {@code eq}). */
    static ConditionOperator operator(Fields condition) {
        String name = condition.choice("operator", "eq", ConditionOperator.wireNames());
        return ConditionOperator.fromWire(name);
    }
}
