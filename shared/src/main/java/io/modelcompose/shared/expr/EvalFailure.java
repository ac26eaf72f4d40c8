package io.modelcompose.shared.expr;

/**
 * An evaluation error inside one interpolation, before the expression text is known; the enclosing
 * {@link Interpolation} turns it into an {@link ExpressionException}. Carries no stack trace.
 */
final class EvalFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int position;

    EvalFailure(String reason, int position) {
        super(reason, null, false, false);
        this.position = position;
    }

    int position() {
        return position;
    }
}
