package io.modelcompose.shared.config;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations as written in model-compose.yml: a number of seconds ({@code 90}, {@code 1.5}, {@code "90"}),
 * units {@code ms s m h d} alone or combined ({@code 500ms}, {@code 30s}, {@code 1m30s}, {@code 2h}, {@code 1.5s}),
 * or a timecode {@code MM:SS} / {@code HH:MM:SS} with optional fraction.
 */
public final class Durations {
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)\\s*");
    private static final Pattern TIMECODE =
            Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{1,2}(?:\\.\\d+)?)");

    private Durations() {
    }

    /**
     * Parses {@code value} (a Duration, Number or String).
     *
     * @throws ComposeException with {@link ErrorCode#CONFIG_INVALID} and a one-line message when it is not a duration
     */
    public static Duration parse(Object value) {
        if (value instanceof Duration duration) {
            return duration;
        }
        if (value instanceof Number number) {
            return ofSeconds(decimal(number), value);
        }
        if (value instanceof String text) {
            return parseText(text.trim(), value);
        }
        throw invalid(value);
    }

    private static BigDecimal decimal(Number number) {
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            throw invalid(number);
        }
    }

    private static Duration parseText(String text, Object original) {
        if (NUMBER.matcher(text).matches()) {
            return ofSeconds(new BigDecimal(text), original);
        }
        Matcher timecode = TIMECODE.matcher(text);
        if (timecode.matches()) {
            return fromTimecode(timecode);
        }
        return fromUnits(text.toLowerCase(Locale.ROOT), original);
    }

    private static Duration fromTimecode(Matcher m) {
        BigDecimal hours = m.group(1) == null ? BigDecimal.ZERO : new BigDecimal(m.group(1));
        BigDecimal minutes = new BigDecimal(m.group(2));
        BigDecimal seconds = new BigDecimal(m.group(3));
        BigDecimal total = hours.multiply(BigDecimal.valueOf(3600)).add(minutes.multiply(BigDecimal.valueOf(60)))
                .add(seconds);
        return toDuration(total);
    }

    private static Duration fromUnits(String text, Object original) {
        Matcher part = PART.matcher(text);
        BigDecimal seconds = BigDecimal.ZERO;
        int position = 0;
        while (position < text.length() && part.find(position) && part.start() == position) {
            seconds = seconds.add(new BigDecimal(part.group(1)).multiply(unitSeconds(part.group(2))));
            position = part.end();
        }
        if (position == 0 || position != text.length()) {
            throw invalid(original);
        }
        return toDuration(seconds);
    }

    private static BigDecimal unitSeconds(String unit) {
        return switch (unit) {
            case "ms" -> new BigDecimal("0.001");
            case "s" -> BigDecimal.ONE;
            case "m" -> BigDecimal.valueOf(60);
            case "h" -> BigDecimal.valueOf(3600);
            default -> BigDecimal.valueOf(86400);
        };
    }

    private static Duration ofSeconds(BigDecimal seconds, Object original) {
        if (seconds.signum() < 0) {
            throw invalid(original);
        }
        return toDuration(seconds);
    }

    private static Duration toDuration(BigDecimal seconds) {
        BigDecimal nanos = seconds.movePointRight(9);
        try {
            return Duration.ofNanos(nanos.longValue());
        } catch (ArithmeticException e) {
            throw new ComposeException(ErrorCode.CONFIG_INVALID, "duration too long: " + seconds + "s");
        }
    }

    private static ComposeException invalid(Object value) {
        return new ComposeException(ErrorCode.CONFIG_INVALID, "invalid duration '" + value
                + "' (use e.g. 500ms, 30s, 1m30s, 2h, a number of seconds or HH:MM:SS)");
    }
}
