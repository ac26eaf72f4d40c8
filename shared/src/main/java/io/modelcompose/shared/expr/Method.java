package io.modelcompose.shared.expr;

import io.modelcompose.shared.error.ComposeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The methods callable in a path: {@code .trim() .lower() .upper() .length() .split('x') .json()}. */
enum Method {
    TRIM("trim", 0),
    LOWER("lower", 0),
    UPPER("upper", 0),
    LENGTH("length", 0),
    SPLIT("split", 1),
    JSON("json", 0);

    static final String NAMES = "trim(), lower(), upper(), length(), split('x'), json()";

    private final String methodName;
    private final int arity;

    Method(String methodName, int arity) {
        this.methodName = methodName;
        this.arity = arity;
    }

    static Method byName(String name) {
        for (Method method : values()) {
            if (method.methodName.equals(name)) {
                return method;
            }
        }
        return null;
    }

    String methodName() {
        return methodName;
    }

    int arity() {
        return arity;
    }

    /** Applies the method to a non-null value; {@code position} is reported on failure. */
    Object apply(Object value, String argument, int position) {
        return switch (this) {
            case TRIM -> text(value, position).strip();
            case LOWER -> text(value, position).toLowerCase(Locale.ROOT);
            case UPPER -> text(value, position).toUpperCase(Locale.ROOT);
            case LENGTH -> length(value, position);
            case SPLIT -> split(text(value, position), argument);
            case JSON -> value instanceof String text ? parse(text, position) : value;
        };
    }

    private String text(Object value, int position) {
        if (value instanceof Map || value instanceof List) {
            throw new EvalFailure(methodName + "() needs text, not " + Values.describe(value), position);
        }
        return Values.toText(value);
    }

    private Object length(Object value, int position) {
        if (value instanceof String text) {
            return (long) text.codePointCount(0, text.length());
        }
        if (value instanceof List<?> list) {
            return (long) list.size();
        }
        if (value instanceof Map<?, ?> map) {
            return (long) map.size();
        }
        throw new EvalFailure("length() needs text, a list or an object, not " + Values.describe(value), position);
    }

    private static List<Object> split(String text, String separator) {
        List<Object> parts = new ArrayList<>();
        int start = 0;
        int found = text.indexOf(separator);
        while (found >= 0) {
            parts.add(text.substring(start, found));
            start = found + separator.length();
            found = text.indexOf(separator, start);
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Parses JSON text, reporting bad JSON as an evaluation failure at {@code position}. */
    static Object parse(String text, int position) {
        try {
            return Values.parseJson(text);
        } catch (ComposeException e) {
            throw new EvalFailure(Values.describe(text) + " is not valid JSON", position);
        }
    }
}
