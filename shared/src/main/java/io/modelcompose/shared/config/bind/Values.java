package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.Durations;
import io.modelcompose.shared.config.Sizes;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.Problems;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import io.modelcompose.shared.error.ComposeException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts single nodes to typed values, reporting a problem and returning null when the node does not fit.
 * Strings that spell a number or boolean are accepted for numeric and boolean fields (values from the environment
 * are strings).
 */
final class Values {
    private Values() {
    }

    static Integer integer(YNode node, String path, Problems problems) {
        if (node instanceof YScalar scalar) {
            Object value = scalar.value();
            if (value instanceof Integer i) {
                return i;
            }
            if (value instanceof Long || value instanceof BigInteger || value instanceof String) {
                try {
                    return Integer.valueOf(scalar.text().trim());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
        }
        problems.wrongType(node, path, "an integer");
        return null;
    }

    static Boolean bool(YNode node, String path, Problems problems) {
        if (node instanceof YScalar scalar) {
            if (scalar.value() instanceof Boolean b) {
                return b;
            }
            String text = scalar.text().trim().toLowerCase(Locale.ROOT);
            if (scalar.value() instanceof String && (text.equals("true") || text.equals("false"))) {
                return Boolean.valueOf(text);
            }
        }
        problems.wrongType(node, path, "true or false");
        return null;
    }

    static Double positiveNumber(YNode node, String path, Problems problems) {
        if (node instanceof YScalar scalar && !(scalar.value() instanceof Boolean)) {
            try {
                double value = Double.parseDouble(scalar.text().trim());
                if (value > 0 && Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.wrongType(node, path, "a number greater than 0");
        return null;
    }

    static Duration duration(YNode node, String path, Problems problems) {
        if (node instanceof YScalar scalar) {
            try {
                return Durations.parse(scalar.text());
            } catch (ComposeException e) {
                problems.add(node.location(), path, e.getMessage());
                return null;
            }
        }
        problems.wrongType(node, path, "a duration");
        return null;
    }

    static Long size(YNode node, String path, Problems problems) {
        if (node instanceof YScalar scalar) {
            try {
                return Sizes.parseBytes(scalar.text());
            } catch (ComposeException e) {
                problems.add(node.location(), path, e.getMessage());
                return null;
            }
        }
        problems.wrongType(node, path, "a size");
        return null;
    }

    static List<String> stringOrList(YNode node, String path, Problems problems) {
        if (node instanceof YScalar scalar) {
            return List.of(scalar.text());
        }
        if (!(node instanceof YList list)) {
            problems.wrongType(node, path, "a string or a list of strings");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            if (item instanceof YScalar scalar && !scalar.isNull()) {
                values.add(scalar.text());
            } else {
                problems.wrongType(item, ConfigPath.index(path, i), "a string");
            }
        }
        return values;
    }

    static String range(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return min == 0 ? "an integer >= 0" : "an integer >= " + min;
        }
        return "an integer between " + min + " and " + max;
    }
}
