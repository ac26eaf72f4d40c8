package io.modelcompose.shared.error;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Masks known secret values in text that leaves a component or the engine (error messages, logs, topic records,
 * HTTP answers). A value is a known secret when its environment variable's name says so ({@code *KEY*},
 * {@code *TOKEN*}, {@code *SECRET*}, {@code *PASSWORD*}, {@code *CREDENTIAL*}, {@code *AUTH*}, ...) and it has at least
 * {@value #MIN_LENGTH} characters. Computed on demand: only failure paths pay for it.
 */
public final class SecretRedaction {
    /** What a secret value is replaced with. */
    public static final String MASK = "***";
    static final int MIN_LENGTH = 4;
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(KEY|TOKEN|SECRET|PASSW|PASSPHRASE|CREDENTIAL|AUTH|PRIVATE|SESSION|COOKIE|SIGNATURE|DSN).*");

    private SecretRedaction() {
    }

    /** True when a variable of this name holds a secret. */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_NAME.matcher(name).matches();
    }

    /** The text with every known secret value of {@code env} masked (longest first, so no part of one survives). */
    public static String redact(String text, Map<String, String> env) {
        if (text == null || text.isEmpty() || env == null || env.isEmpty()) {
            return text;
        }
        List<String> secrets = new ArrayList<>();
        env.forEach((name, value) -> {
            if (value != null && value.length() >= MIN_LENGTH && isSecretName(name)) {
                secrets.add(value);
            }
        });
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }

    /** The exception itself when its message holds no secret, else a copy (same code) with the secrets masked. */
    public static ComposeException redact(ComposeException error, Map<String, String> env) {
        String message = error.getMessage();
        String redacted = redact(message, env);
        if (redacted == null || redacted.equals(message)) {
            return error;
        }
        return new ComposeException(error.code(), redacted);
    }
}
