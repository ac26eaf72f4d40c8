package io.modelcompose.shared.expr;

/**
 * Skips upstream's annotations at the end of an interpolation, {@code @(description Test score from 0 to 100)}:
 * they describe an input for schemas and UIs and do not change the value.
 */
final class Annotations {
    private Annotations() {
    }

    /** True when an annotation starts at the cursor. */
    static boolean startsAt(Cursor in) {
        return in.peek() == '@' && in.charAt(in.pos + 1) == '(' && !in.atEnd();
    }

    /** Skips every annotation (and the spaces around them) at the cursor. */
    static void skip(Cursor in) {
        while (startsAt(in)) {
            in.pos += 2;
            int depth = 0;
            while (true) {
                if (in.atEnd()) {
                    throw in.unterminated();
                }
                char c = in.text.charAt(in.pos++);
                if (c == ')' && depth == 0) {
                    break;
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            in.skipSpace();
        }
    }
}
