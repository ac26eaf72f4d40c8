package io.modelcompose.shared.expr;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;

/**
 * A {@code ${...}} expression could not be parsed or evaluated. Carries the expression text and the 0-based
 * position, within the whole template string, of the part that failed. The message reads e.g.
 * {@code cannot apply '-' to 'abc' (not a number) in ${output.a - 1} at position 2}.
 */
public final class ExpressionException extends ComposeException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final String expression;
    private final int position;

    public ExpressionException(String reason, String expression, int position) {
        super(ErrorCode.EXPRESSION, reason + " in " + expression + " at position " + position);
        this.reason = reason;
        this.expression = expression;
        this.position = position;
    }

    /** What went wrong, without the expression and position. */
    public String reason() {
        return reason;
    }

    /** The text of the failing {@code ${...}} (up to the end of the template when it is unterminated). */
    public String expression() {
        return expression;
    }

    /** The 0-based offset in the template string of the failing part. */
    public int position() {
        return position;
    }
}
