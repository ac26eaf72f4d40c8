package io.modelcompose.shared.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The targets of {@code as TYPE}; a conversion is applied only to non-null values. */
enum CastType {
    STRING, TEXT, NUMBER, INTEGER, BOOLEAN, JSON, OBJECT, LIST, BASE64;

    static final String NAMES = "string, text, number, integer, boolean, json, object, list, base64";

    private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes", "on");
    private static final Set<String> FALSE_WORDS = Set.of("false", "0", "no", "off", "");

    static CastType byName(String name) {
        for (CastType type : values()) {
            if (type.name().toLowerCase(Locale.ROOT).equals(name)) {
                return type;
            }
        }
        return null;
    }

    String typeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Converts a non-null value; failures are reported at {@code position}. */
    Object convert(Object value, int position) {
        return switch (this) {
            case STRING, TEXT -> Values.toText(value);
            case NUMBER -> number(value, position);
            case INTEGER -> integer(value, position);
            case BOOLEAN -> bool(value, position);
            case JSON -> value instanceof String text ? Method.parse(text, position) : value;
            case OBJECT -> shaped(value, Map.class, "an object", position);
            case LIST -> shaped(value, List.class, "a list", position);
            case BASE64 -> base64(value);
        };
    }

    private EvalFailure cannot(Object value, int position) {
        return new EvalFailure("cannot convert " + Values.describe(value) + " to " + typeName(), position);
    }

    private Object number(Object value, int position) {
        Number number = Values.toNumber(value);
        if (number == null) {
            throw cannot(value, position);
        }
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        return number instanceof Float ? (Object) number.doubleValue() : number;
    }

    private Object integer(Object value, int position) {
        Number number = Values.toNumber(value);
        if (number == null) {
            throw cannot(value, position);
        }
        if (Arithmetic.isIntegral(number)) {
            return number instanceof BigInteger big ? Arithmetic.normalize(big) : (Object) number.longValue();
        }
        double asDouble = number.doubleValue();
        if (!Double.isFinite(asDouble)) {
            throw cannot(value, position);
        }
        BigDecimal decimal = number instanceof BigDecimal given ? given : new BigDecimal(asDouble);
        if (decimal.stripTrailingZeros().scale() > 0) {
            throw new EvalFailure("cannot convert " + Values.describe(value) + " to integer (it has a fraction)",
                    position);
        }
        return Arithmetic.normalize(decimal.toBigIntegerExact());
    }

    private Object bool(Object value, int position) {
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String text) {
            String word = text.strip().toLowerCase(Locale.ROOT);
            if (TRUE_WORDS.contains(word)) {
                return Boolean.TRUE;
            }
            if (FALSE_WORDS.contains(word)) {
                return Boolean.FALSE;
            }
        } else if (value instanceof Number number) {
            double asDouble = number.doubleValue();
            if (asDouble == 1.0 || asDouble == 0.0) {
                return asDouble == 1.0;
            }
        }
        throw cannot(value, position);
    }

    private Object shaped(Object value, Class<?> shape, String shapeName, int position) {
        Object parsed = value instanceof String text ? Method.parse(text, position) : value;
        if (!shape.isInstance(parsed)) {
            throw new EvalFailure("cannot convert " + Values.describe(value) + " to " + typeName()
                    + " (not " + shapeName + ")", position);
        }
        return parsed;
    }

    private static Object base64(Object value) {
        byte[] bytes = value instanceof byte[] raw ? raw : Values.toText(value).getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
