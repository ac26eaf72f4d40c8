package io.modelcompose.shared.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders shared by the expression tests. */
final class ExprFixtures {
    private ExprFixtures() {
    }

    /** An insertion-ordered map from alternating keys and values (null values allowed). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A mutable list (null elements allowed). */
    static List<Object> list(Object... items) {
        return new ArrayList<>(Arrays.asList(items));
    }

    /** Renders {@code template} against a scope of the given sources. */
    static Object render(String template, Map<String, ?> sources) {
        return Template.parse(template).render(Scope.of(sources));
    }

    /** Renders {@code template} against a scope with only the {@code input} source. */
    static Object renderInput(String template, Map<String, ?> input) {
        return render(template, map("input", input));
    }
}
