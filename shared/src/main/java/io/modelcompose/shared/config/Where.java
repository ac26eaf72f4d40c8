package io.modelcompose.shared.config;

import java.util.List;

/** A predicate of a {@code filter} job: a leaf comparison, or one of {@code all}, {@code any}, {@code not}. */
public sealed interface Where {

    /** {@code input} (a template over {@code ${item}}, {@code ${index}}) compared with {@code value}. */
    record Leaf(Object input, ConditionOperator operator, Object value) implements Where {
    }

    /** Every nested predicate holds. */
    record All(List<Where> conditions) implements Where {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    /** At least one nested predicate holds. */
    record Any(List<Where> conditions) implements Where {
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    /** The nested predicate does not hold. */
    record Not(Where condition) implements Where {
    }
}
