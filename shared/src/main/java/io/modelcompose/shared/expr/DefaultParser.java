package io.modelcompose.shared.expr;

/**
 * Reads the default after {@code |}: a quoted string alone, or the text up to the brace that closes the
 * interpolation (trimmed; nested {@code ${...}} and balanced braces allowed).
 */
final class DefaultParser {
    private DefaultParser() {
    }

    /** Parses the default at the cursor and moves it past the closing brace. */
    static DefaultValue parse(Cursor in) {
        in.skipSpace();
        char c = in.peek();
        if ((c == '\'' || c == '"') && !in.atEnd()) {
            int saved = in.pos;
            String quoted = in.tryReadQuoted();
            in.skipSpace();
            if (quoted != null && in.peek() == '}' && !in.atEnd()) {
                in.pos++;
                return DefaultValue.quoted(quoted);
            }
            in.pos = saved;
        }
        int from = in.pos;
        int to = skipToClosingBrace(in);
        while (to > from && Cursor.isSpace(in.text.charAt(to - 1))) {
            to--;
        }
        return DefaultValue.unquoted(in.text.substring(from, to), TemplateParser.parse(in.text, from, to));
    }

    /** Moves past the closing brace and returns its offset. */
    private static int skipToClosingBrace(Cursor in) {
        int depth = 0;
        while (!in.atEnd()) {
            char c = in.peek();
            if (c == '$' && in.charAt(in.pos + 1) == '{') {
                ExpressionParser nested = new ExpressionParser(in.text, in.pos);
                nested.parse();
                in.pos = nested.end();
                continue;
            }
            if (depth == 0 && Cursor.isSpace(c) && in.charAt(in.pos + 1) == '@' && in.charAt(in.pos + 2) == '(') {
                int end = in.pos;
                in.skipSpace();
                Annotations.skip(in);
                in.expect('}');
                return end;
            }
            in.pos++;
            if (c == '}' && depth == 0) {
                return in.pos - 1;
            }
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        throw in.unterminated();
    }
}
