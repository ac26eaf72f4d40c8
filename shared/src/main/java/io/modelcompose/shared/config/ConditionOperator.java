package io.modelcompose.shared.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Comparison operators of conditions ({@code if} jobs, filter {@code where}, interrupt conditions). */
public enum ConditionOperator {
    EQ, NEQ, GT, GTE, LT, LTE, IN, NOT_IN, MATCH, STARTS_WITH, ENDS_WITH;

    /** The name as written in YAML: {@code eq}, {@code not-in}, {@code starts-with}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(ConditionOperator::wireName).toList();
    }

    /** The operator written as {@code name}, or null when there is none. */
    public static ConditionOperator fromWire(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName().equals(name)).findFirst().orElse(null);
    }
}
