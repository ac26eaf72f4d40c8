package io.modelcompose.shared.config;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses byte sizes the way Docker does: a plain number of bytes ({@code 1024}) or a number with a binary unit
 * {@code b k m g t}, optionally followed by {@code b}, case-insensitive ({@code 512m}, {@code 2g}, {@code 1.5g},
 * {@code 10kb}).
 */
public final class Sizes {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:([kmgt])b?|b)?");

    private Sizes() {
    }

    /**
     * Parses {@code value} (a Number or String) into bytes.
     *
     * @throws ComposeException with {@link ErrorCode#CONFIG_INVALID} and a one-line message when it is not a size
     */
    public static long parseBytes(Object value) {
        if (value instanceof Number number) {
            return toBytes(decimal(number), 0, value);
        }
        if (!(value instanceof String text)) {
            throw invalid(value);
        }
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw invalid(value);
        }
        return toBytes(new BigDecimal(m.group(1)), exponent(m.group(2)), value);
    }

    private static BigDecimal decimal(Number number) {
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            throw invalid(number);
        }
    }

    private static int exponent(String unit) {
        if (unit == null) {
            return 0;
        }
        return "kmgt".indexOf(unit.charAt(0)) + 1;
    }

    private static long toBytes(BigDecimal amount, int exponent, Object original) {
        if (amount.signum() < 0) {
            throw invalid(original);
        }
        BigDecimal bytes = amount.multiply(BigDecimal.valueOf(1024).pow(exponent));
        if (exponent == 0 && bytes.stripTrailingZeros().scale() > 0) {
            throw invalid(original);
        }
        try {
            return bytes.toBigInteger().longValueExact();
        } catch (ArithmeticException e) {
            throw new ComposeException(ErrorCode.CONFIG_INVALID, "size too large: '" + original + "'");
        }
    }

    private static ComposeException invalid(Object value) {
        return new ComposeException(ErrorCode.CONFIG_INVALID,
                "invalid size '" + value + "' (use bytes or a number with b, k, m or g, e.g. 512m or 2g)");
    }
}
