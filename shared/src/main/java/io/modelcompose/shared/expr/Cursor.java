package io.modelcompose.shared.expr;

/**
 * Reads the tokens of one {@code ${...}} that starts at {@code start} in {@code text}: names, quoted strings,
 * numbers, spaces. Errors name the expression and the offset in the whole text.
 */
final class Cursor {
    final String text;
    final int start;
    int pos;

    Cursor(String text, int start) {
        this.text = text;
        this.start = start;
        this.pos = start + 2;
    }

    char peek() {
        return charAt(pos);
    }

    char charAt(int index) {
        return index < text.length() ? text.charAt(index) : 0;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    int skipSpace() {
        int from = pos;
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
        return pos - from;
    }

    boolean isWord(String word) {
        return text.startsWith(word, pos) && !isNamePart(charAt(pos + word.length()));
    }

    String readName() {
        int from = pos;
        while (pos < text.length() && isNamePart(text.charAt(pos))) {
            pos++;
        }
        return text.substring(from, pos);
    }

    void expect(char wanted) {
        char c = peek();
        if (c == wanted && !atEnd()) {
            pos++;
            return;
        }
        throw atEnd() ? unterminated() : fail("expected '" + wanted + "' but found '" + c + "'", pos);
    }

    String readQuoted() {
        int at = pos;
        String value = tryReadQuoted();
        if (value == null) {
            throw fail("unterminated string", at);
        }
        return value;
    }

    /** Reads a quoted string with backslash escapes; null (position unchanged) when it is never closed. */
    String tryReadQuoted() {
        int saved = pos;
        char quote = text.charAt(pos++);
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return value.toString();
            }
            if (c == '\\' && pos < text.length()) {
                value.append(unescape(text.charAt(pos++)));
            } else {
                value.append(c);
            }
        }
        pos = saved;
        return null;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }

    boolean atNumber() {
        char c = peek();
        return isDigit(c) || ((c == '-' || c == '.') && isDigit(charAt(pos + 1)));
    }

    Number readNumber() {
        int at = pos;
        if (peek() == '-') {
            pos++;
        }
        while (isDigit(peek()) || peek() == '.') {
            pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        Number number = Values.toNumber(text.substring(at, pos));
        if (number == null) {
            throw fail("malformed number '" + text.substring(at, pos) + "'", at);
        }
        return number;
    }

    /** Reads an optionally negative integer; null when there is none. */
    Integer readInteger() {
        int at = pos;
        if (peek() == '-' && isDigit(charAt(pos + 1))) {
            pos++;
        }
        while (isDigit(peek())) {
            pos++;
        }
        if (pos == at) {
            return null;
        }
        try {
            return Integer.valueOf(text.substring(at, pos));
        } catch (NumberFormatException e) {
            throw fail("malformed index '" + text.substring(at, pos) + "'", at);
        }
    }

    ExpressionException unterminated() {
        return fail("unterminated ${", start);
    }

    /** A syntax error at {@code at}; the expression shown runs from the {@code ${} to the next brace. */
    ExpressionException fail(String reason, int at) {
        int close = text.indexOf('}', Math.max(at, start));
        String expression = close < 0 ? text.substring(start) : text.substring(start, close + 1);
        return new ExpressionException(reason, expression, at);
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNameStart(char c) {
        return c == '_' || Character.isLetter(c);
    }

    static boolean isNamePart(char c) {
        return c == '_' || c == '-' || Character.isLetterOrDigit(c);
    }
}
