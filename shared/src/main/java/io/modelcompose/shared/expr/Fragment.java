package io.modelcompose.shared.expr;

import java.util.List;

/** A parsed run of template text: a whole template or the default of an interpolation. */
final class Fragment {
    private final String constant;
    private final Interpolation whole;
    private final Part[] parts;
    private final int sizeHint;

    Fragment(String text, List<Part> parts) {
        this.parts = parts.toArray(new Part[0]);
        boolean hasInterpolation = parts.stream().anyMatch(part -> part instanceof Interpolation);
        this.constant = hasInterpolation ? null : text;
        this.whole = parts.size() == 1 && parts.get(0) instanceof Interpolation only ? only : null;
        this.sizeHint = Math.max(16, text.length() + 16);
    }

    boolean isConstant() {
        return constant != null;
    }

    /** The native value when the fragment is exactly one interpolation, else the text with values spliced in. */
    Object render(Scope scope) {
        if (whole != null) {
            return whole.evaluate(scope);
        }
        if (constant != null) {
            return constant;
        }
        StringBuilder out = new StringBuilder(sizeHint);
        for (Part part : parts) {
            part.appendTo(out, scope);
        }
        return out.toString();
    }

    /** Hands literal text and each interpolation's text (as spliced into a longer string) to the sink, in order. */
    void splice(Scope scope, Template.Splice sink) {
        for (Part part : parts) {
            if (part instanceof Part.Text literal) {
                sink.literal(literal.text());
            } else {
                StringBuilder value = new StringBuilder();
                part.appendTo(value, scope);
                sink.value(value.toString());
            }
        }
    }
}
