package io.modelcompose.shared.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits template text into literal parts and {@code ${...}} interpolations. */
final class TemplateParser {
    private TemplateParser() {
    }

    static Fragment parse(String text) {
        return parse(text, 0, text.length());
    }

    /** Parses {@code text[from, to)}; positions stay those of the whole {@code text}. */
    static Fragment parse(String text, int from, int to) {
        List<Part> parts = new ArrayList<>();
        int literalStart = from;
        int open = text.indexOf("${", from);
        while (open >= 0 && open + 1 < to) {
            if (open > literalStart) {
                parts.add(new Part.Text(text.substring(literalStart, open)));
            }
            ExpressionParser parser = new ExpressionParser(text, open);
            parts.add(parser.parse());
            literalStart = parser.end();
            open = text.indexOf("${", literalStart);
        }
        if (literalStart < to) {
            parts.add(new Part.Text(text.substring(literalStart, to)));
        }
        return new Fragment(text.substring(from, to), parts);
    }
}
