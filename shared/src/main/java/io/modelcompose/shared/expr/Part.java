package io.modelcompose.shared.expr;

/** A piece of a template: literal text or one {@code ${...}}. */
sealed interface Part permits Part.Text, Interpolation {
    void appendTo(StringBuilder out, Scope scope);

    /** Literal text between interpolations. */
    record Text(String text) implements Part {
        @Override
        public void appendTo(StringBuilder out, Scope scope) {
            out.append(text);
        }
    }
}
