package io.modelcompose.shared.expr;

import java.util.ArrayList;
import java.util.List;

/** Applies path steps to a value: null stays null, {@code [*]} maps the rest of the path over a list. */
final class Path {
    private Path() {
    }

    static Object apply(Object start, Step[] steps, int from) {
        Object value = start;
        for (int i = from; i < steps.length; i++) {
            if (value == null) {
                return null;
            }
            Step step = steps[i];
            if (step instanceof Step.Wildcard) {
                return mapRest(value, steps, i + 1);
            }
            value = step.apply(value);
        }
        return value;
    }

    private static Object mapRest(Object value, Step[] steps, int from) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        List<Object> mapped = new ArrayList<>(list.size());
        for (Object element : list) {
            mapped.add(apply(element, steps, from));
        }
        return mapped;
    }
}
