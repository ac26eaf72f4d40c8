package io.modelcompose.shared.expr;

/** One parsed {@code ${ expr [as TYPE] [| default] }}. */
final class Interpolation implements Part {
    private final String text;
    private final Expr expr;
    private final Cast cast;
    private final int castPosition;
    private final DefaultValue fallback;

    Interpolation(String text, Expr expr, Cast cast, int castPosition, DefaultValue fallback) {
        this.text = text;
        this.expr = expr;
        this.cast = cast;
        this.castPosition = castPosition;
        this.fallback = fallback;
    }

    /** The native value: the expression, else the default when it is null, then the cast. */
    Object evaluate(Scope scope) {
        try {
            Object value = expr.eval(scope);
            if (value == null && fallback != null) {
                value = fallback.value(scope);
            }
            return cast == null || value == null ? value : cast.convert(value, castPosition);
        } catch (EvalFailure failure) {
            throw new ExpressionException(failure.getMessage(), text, failure.position());
        }
    }

    @Override
    public void appendTo(StringBuilder out, Scope scope) {
        String constantDefault = fallback == null || cast != null ? null : fallback.constantText();
        if (constantDefault == null) {
            out.append(Values.toText(evaluate(scope)));
            return;
        }
        Object value;
        try {
            value = expr.eval(scope);
        } catch (EvalFailure failure) {
            throw new ExpressionException(failure.getMessage(), text, failure.position());
        }
        out.append(value == null ? constantDefault : Values.toText(value));
    }

    @Override
    public String toString() {
        return text;
    }
}
