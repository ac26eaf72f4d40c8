package io.modelcompose.shared.error;

/**
 * The one exception type of the product. It carries an {@link ErrorCode} and a one-line message meant for
 * users; stack traces are never shown to API clients.
 */
public class ComposeException extends RuntimeException {
    private final ErrorCode code;

    public ComposeException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ComposeException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** Wraps any throwable, keeping a ComposeException as it is. */
    public static ComposeException wrap(Throwable t) {
        if (t instanceof ComposeException ce) {
            return ce;
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return new ComposeException(ErrorCode.INTERNAL, message, t);
    }
}
