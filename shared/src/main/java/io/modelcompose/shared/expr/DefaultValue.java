package io.modelcompose.shared.expr;

/**
 * The {@code | default} of an interpolation. A quoted default is that string. An unquoted default without
 * {@code ${...}} is read as a JSON literal when it is one ({@code 3} is the long 3, {@code 0.7} a double,
 * {@code true}, {@code null}, {@code []}, {@code {"a":1}}), else it is the text; spliced into a longer string it
 * keeps its text as written ({@code null} splices as nothing). A default containing {@code ${...}} is rendered like a template.
 */
final class DefaultValue {
    private final Fragment fragment;
    private final Object literal;
    private final String text;

    private DefaultValue(Fragment fragment, Object literal, String text) {
        this.fragment = fragment;
        this.literal = literal;
        this.text = text;
    }

    static DefaultValue quoted(String value) {
        return new DefaultValue(null, value, value);
    }

    static DefaultValue unquoted(String raw, Fragment fragment) {
        if (!fragment.isConstant()) {
            return new DefaultValue(fragment, null, null);
        }
        Object literal = literalOf(raw);
        return new DefaultValue(null, literal, literal == null ? "" : raw);
    }

    Object value(Scope scope) {
        return fragment == null ? literal : fragment.render(scope);
    }

    /** The text to splice into a longer string when the default is constant; null when it must be rendered. */
    String constantText() {
        return text;
    }

    private static Object literalOf(String raw) {
        switch (raw) {
            case "null":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                break;
        }
        if (isJsonNumber(raw)) {
            return Values.toNumber(raw);
        }
        if (raw.startsWith("[") || raw.startsWith("{")) {
            try {
                return Values.parseJson(raw);
            } catch (RuntimeException notJson) {
                return raw;
            }
        }
        return raw;
    }

    private static boolean isJsonNumber(String raw) {
        int i = raw.startsWith("-") ? 1 : 0;
        int intStart = i;
        i = digits(raw, i);
        if (i == intStart || (raw.charAt(intStart) == '0' && i - intStart > 1)) {
            return false;
        }
        if (i < raw.length() && raw.charAt(i) == '.') {
            int fractionStart = i + 1;
            i = digits(raw, fractionStart);
            if (i == fractionStart) {
                return false;
            }
        }
        if (i < raw.length() && (raw.charAt(i) == 'e' || raw.charAt(i) == 'E')) {
            i++;
            if (i < raw.length() && (raw.charAt(i) == '+' || raw.charAt(i) == '-')) {
                i++;
            }
            int exponentStart = i;
            i = digits(raw, i);
            if (i == exponentStart) {
                return false;
            }
        }
        return i == raw.length();
    }

    private static int digits(String raw, int from) {
        int i = from;
        while (i < raw.length() && raw.charAt(i) >= '0' && raw.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
