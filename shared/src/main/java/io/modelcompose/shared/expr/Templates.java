package io.modelcompose.shared.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders parsed YAML values (maps, lists, strings, scalars) recursively. */
public final class Templates {
    private Templates() {
    }

    /**
     * Renders a value recursively: a string is a {@link Template}; a map becomes a new {@code LinkedHashMap} with
     * the same keys (not rendered) and rendered values; a list becomes a new {@code ArrayList} of rendered
     * elements; any other value is returned as it is.
     *
     * @throws ExpressionException when a template fails to parse or evaluate
     */
    public static Object render(Object value, Scope scope) {
        if (value instanceof String text) {
            return text.indexOf("${") < 0 ? text : Template.parse(text).render(scope);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> rendered = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                rendered.put(entry.getKey(), render(entry.getValue(), scope));
            }
            return rendered;
        }
        if (value instanceof List<?> list) {
            List<Object> rendered = new ArrayList<>(list.size());
            for (Object element : list) {
                rendered.add(render(element, scope));
            }
            return rendered;
        }
        return value;
    }
}
