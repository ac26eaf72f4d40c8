package io.modelcompose.shared.config;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * The times of {@code delay} jobs in {@code specific-time} mode, read like Python's {@code datetime.fromisoformat}:
 * {@code 2026-01-01}, {@code 2026-01-01T09:00:00} (or with a space), optionally with an offset ({@code Z},
 * {@code +09:00}). A time without an offset is in {@code timezone}, or in UTC when none is given (upstream uses the
 * host's local zone; a cluster has no single one).
 */
public final class DelayTimes {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();

    private DelayTimes() {
    }

    /**
     * The instant {@code time} stands for.
     *
     * @throws DateTimeException when the time or the timezone cannot be read
     */
    public static Instant parse(String time, String timezone) {
        String text = time.trim();
        ZoneId zone = timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone.trim());
        try {
            return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            // no offset: read as a local date-time
        }
        try {
            return LocalDateTime.parse(text, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        }
    }

    /** Null when {@code time} can be read, else a one-line problem. */
    public static String problem(String time) {
        try {
            parse(time, null);
            return null;
        } catch (DateTimeException e) {
            return "expected an ISO date-time such as 2026-01-01T09:00:00, got '" + time + "'";
        }
    }
}
