package io.modelcompose.shared.config.load;

import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.Problems;
import io.modelcompose.shared.config.tree.YField;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import io.modelcompose.shared.expr.ExpressionException;
import io.modelcompose.shared.expr.Template;
import java.util.Set;

/**
 * Parses every {@code ${...}} template of the components and workflows at load time, so that an unterminated or
 * malformed expression is a config problem ({@code file:line: path: message}) rather than a failure of every run.
 * Docker {@code runtime} options are not templates (their {@code ${VAR}} belongs to the container's shell) and are
 * skipped.
 */
public final class TemplateChecks {
    private static final Set<String> TEMPLATE_SECTIONS = Set.of("components", "workflows");
    private static final String NOT_TEMPLATES = "runtime";

    private TemplateChecks() {
    }

    /** Reports each template of {@code root} (env references already resolved) that does not parse. */
    public static void check(YMap root, Problems problems) {
        for (YField field : root.entries()) {
            if (TEMPLATE_SECTIONS.contains(field.key())) {
                walk(field.value(), field.key(), problems);
            }
        }
    }

    private static void walk(YNode node, String path, Problems problems) {
        if (node instanceof YMap map) {
            for (YField field : map.entries()) {
                if (!field.key().equals(NOT_TEMPLATES)) {
                    walk(field.value(), ConfigPath.child(path, field.key()), problems);
                }
            }
        } else if (node instanceof YList list) {
            for (int i = 0; i < list.items().size(); i++) {
                walk(list.items().get(i), ConfigPath.index(path, i), problems);
            }
        } else if (node instanceof YScalar scalar && scalar.value() instanceof String text && text.contains("${")) {
            try {
                Template.parse(text);
            } catch (ExpressionException e) {
                problems.add(scalar.location(), path, "bad expression: " + e.getMessage());
            }
        }
    }
}
