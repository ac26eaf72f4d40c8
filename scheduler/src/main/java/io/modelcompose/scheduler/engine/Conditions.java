package io.modelcompose.scheduler.engine;

import io.modelcompose.shared.config.ConditionOperator;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Evaluates condition operators on rendered values with upstream's (Python's) meaning: no coercion between strings
 * and numbers ({@code "90" >= 70} is an error, {@code "1" == 1} is false), numbers compare by value ({@code 1 ==
 * 1.0}), {@code in} is list membership, substring or map key, {@code match} is anchored at the start.
 * {@code starts-with} and {@code ends-with}, declared but unsupported upstream, compare strings.
 */
final class Conditions {
    private Conditions() {
    }

    /**
     * @throws ComposeException BAD_REQUEST when the values cannot be compared with the operator
     */
    static boolean holds(ConditionOperator operator, Object input, Object value) {
        return switch (operator) {
            case EQ -> same(input, value);
            case NEQ -> !same(input, value);
            case GT -> compare(operator, input, value) > 0;
            case GTE -> compare(operator, input, value) >= 0;
            case LT -> compare(operator, input, value) < 0;
            case LTE -> compare(operator, input, value) <= 0;
            case IN -> contains(operator, value, input);
            case NOT_IN -> !contains(operator, value, input);
            case MATCH -> match(input, value);
            case STARTS_WITH -> text(operator, input).startsWith(text(operator, value));
            case ENDS_WITH -> text(operator, input).endsWith(text(operator, value));
        };
    }

    /** Python {@code ==}: numbers by value, everything else by equality. */
    static boolean same(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return decimal(a).compareTo(decimal(b)) == 0;
        }
        if (a instanceof Collection<?> x && b instanceof Collection<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            var i = y.iterator();
            return x.stream().allMatch(e -> same(e, i.next()));
        }
        return Objects.equals(a, b);
    }

    private static int compare(ConditionOperator operator, Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            return decimal(a).compareTo(decimal(b));
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        throw cannot(operator, a, b);
    }

    private static boolean contains(ConditionOperator operator, Object container, Object element) {
        if (container instanceof Collection<?> list) {
            return list.stream().anyMatch(item -> same(item, element));
        }
        if (container instanceof String text && element instanceof String part) {
            return text.contains(part);
        }
        if (container instanceof Map<?, ?> map) {
            return map.containsKey(element);
        }
        throw cannot(operator, element, container);
    }

    private static boolean match(Object input, Object pattern) {
        if (!(pattern instanceof String regex) || !(input instanceof String text)) {
            throw cannot(ConditionOperator.MATCH, input, pattern);
        }
        try {
            return Pattern.compile(regex).matcher(text).lookingAt();
        } catch (PatternSyntaxException e) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "invalid 'match' pattern '" + regex + "': "
                    + e.getDescription());
        }
    }

    private static String text(ConditionOperator operator, Object value) {
        if (value instanceof String text) {
            return text;
        }
        throw new ComposeException(ErrorCode.BAD_REQUEST, "'" + operator.wireName() + "' needs strings, got "
                + describe(value));
    }

    private static boolean isNumber(Object value) {
        return value instanceof Number;
    }

    private static BigDecimal decimal(Object number) {
        return number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    }

    private static ComposeException cannot(ConditionOperator operator, Object a, Object b) {
        return new ComposeException(ErrorCode.BAD_REQUEST, "cannot apply '" + operator.wireName() + "' to "
                + describe(a) + " and " + describe(b));
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "the string '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        return value instanceof Map ? "an object" : value instanceof Collection ? "a list" : "a value";
    }
}
