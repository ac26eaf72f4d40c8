package io.modelcompose.shared.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Helpers for JSON-like Java values: {@code Map<String, Object>} (insertion order kept), {@code List<Object>},
 * {@code String}, {@code Number}, {@code Boolean} and null.
 */
public final class Values {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final int DESCRIBE_LIMIT = 40;

    private Values() {
    }

    /**
     * Formats a value for splicing into a longer string: null is empty, a string is itself, anything else is its
     * compact JSON text ({@code true}, {@code 5}, {@code 3.5}, {@code {"a":1}}, {@code [1,2]}).
     */
    public static String toText(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Boolean
                || value instanceof BigInteger) {
            return value.toString();
        }
        if (value instanceof Double number && Double.isFinite(number)) {
            return value.toString();
        }
        return toJson(value);
    }

    /** The compact JSON text of any value; strings are quoted. */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ComposeException(ErrorCode.INTERNAL, "cannot write value as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses JSON text into a JSON-like value: objects become {@code LinkedHashMap}, arrays {@code ArrayList},
     * integers {@code Integer}, {@code Long} or {@code BigInteger}, decimals {@code Double}.
     *
     * @throws ComposeException with {@link ErrorCode#BAD_REQUEST} when the text is not one valid JSON value
     */
    public static Object parseJson(String text) {
        try {
            return MAPPER.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a value as a number: a {@code Number} is returned as it is; a numeric string (surrounding whitespace
     * allowed) becomes a {@code Long} (a {@code BigInteger} when too large) if it has no fraction or exponent,
     * else a {@code Double}. Anything else gives null.
     */
    public static Number toNumber(Object value) {
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof String text) {
            return parseNumber(text);
        }
        return null;
    }

    private static Number parseNumber(String raw) {
        String text = raw.strip();
        int length = text.length();
        int i = length > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        int digits = 0;
        boolean decimal = false;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < length && text.charAt(i) == '.') {
            decimal = true;
            i++;
            while (i < length && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            decimal = true;
            i = skipExponent(text, i + 1);
        }
        if (i != length) {
            return null;
        }
        return decimal ? (Number) Double.valueOf(text) : integerOf(text);
    }

    private static int skipExponent(String text, int from) {
        int i = from;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int start = i;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i == start ? -1 : i;
    }

    private static Number integerOf(String text) {
        if (text.length() <= 18) {
            return Long.parseLong(text);
        }
        BigInteger big = new BigInteger(text);
        return big.bitLength() < 64 ? (Number) big.longValue() : big;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A short human description of a value for error messages: {@code 'abc'}, {@code null}, {@code an object}. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            String shown = text.length() > DESCRIBE_LIMIT ? text.substring(0, DESCRIBE_LIMIT) + "..." : text;
            return "'" + shown + "'";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "a " + value.getClass().getSimpleName();
    }
}
