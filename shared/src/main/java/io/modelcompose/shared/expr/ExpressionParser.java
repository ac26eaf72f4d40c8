package io.modelcompose.shared.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser of one {@code ${ expr [as TYPE] [| default] }}. {@code * /} bind tighter than
 * {@code + -}, all left-associative; binary operators need whitespace on both sides, so {@code end-time} is a name.
 */
final class ExpressionParser {
    private static final String OPERATORS = "+-*/";

    private final Cursor in;

    ExpressionParser(String text, int start) {
        this.in = new Cursor(text, start);
    }

    /** Offset just after the closing brace, valid after {@link #parse()}. */
    int end() {
        return in.pos;
    }

    Interpolation parse() {
        in.skipSpace();
        if (in.peek() == '}') {
            throw in.fail("empty expression", in.pos);
        }
        Expr expr = parseSum();
        int spaces = in.skipSpace();
        Cast cast = null;
        int castPosition = -1;
        if (spaces > 0 && in.isWord("as")) {
            in.pos += 2;
            in.skipSpace();
            castPosition = in.pos;
            cast = Cast.parse(in);
            in.skipSpace();
        }
        Annotations.skip(in);
        DefaultValue fallback = null;
        if (in.peek() == '|') {
            in.pos++;
            fallback = DefaultParser.parse(in);
        } else {
            in.expect('}');
        }
        return new Interpolation(in.text.substring(in.start, in.pos), expr, cast, castPosition, fallback);
    }

    private Expr parseSum() {
        Expr left = parseProduct();
        for (char op = operatorAhead("+-"); op != 0; op = operatorAhead("+-")) {
            in.skipSpace();
            left = new Expr.Binary(op, left, parseProduct());
        }
        return left;
    }

    private Expr parseProduct() {
        Expr left = parseOperand();
        for (char op = operatorAhead("*/"); op != 0; op = operatorAhead("*/")) {
            in.skipSpace();
            left = new Expr.Binary(op, left, parseOperand());
        }
        return left;
    }

    /** Consumes and returns an operator of {@code accepted} when one follows, else leaves the position as it was. */
    private char operatorAhead(String accepted) {
        int saved = in.pos;
        int spaces = in.skipSpace();
        char c = in.peek();
        if (in.atEnd() || OPERATORS.indexOf(c) < 0) {
            in.pos = saved;
            return 0;
        }
        if (spaces == 0 || !Cursor.isSpace(in.charAt(in.pos + 1))) {
            throw in.fail("operator '" + c + "' needs a space on each side", in.pos);
        }
        if (accepted.indexOf(c) < 0) {
            in.pos = saved;
            return 0;
        }
        in.pos++;
        return c;
    }

    private Expr parseOperand() {
        int at = in.pos;
        char c = in.peek();
        Expr base;
        if (c == '(') {
            in.pos++;
            in.skipSpace();
            base = parseSum();
            in.skipSpace();
            in.expect(')');
        } else if ((c == '\'' || c == '"') && !in.atEnd()) {
            base = new Expr.Literal(in.readQuoted(), at);
        } else if (in.atNumber()) {
            base = new Expr.Literal(in.readNumber(), at);
        } else if (Cursor.isNameStart(c)) {
            return parseReference(at);
        } else if (in.atEnd()) {
            throw in.unterminated();
        } else {
            throw in.fail(c == '}' ? "expected a value" : "unexpected '" + c + "'", at);
        }
        List<Step> steps = parseSteps();
        return steps.isEmpty() ? base : new Expr.Chain(base, steps.toArray(new Step[0]));
    }

    private Expr parseReference(int at) {
        String name = in.readName();
        Step[] steps = parseSteps().toArray(new Step[0]);
        if (steps.length == 0) {
            switch (name) {
                case "true":
                    return new Expr.Literal(Boolean.TRUE, at);
                case "false":
                    return new Expr.Literal(Boolean.FALSE, at);
                case "null":
                    return new Expr.Literal(null, at);
                default:
                    break;
            }
        }
        if (name.equals("output") && steps.length > 0 && steps[0] instanceof Step.Field field) {
            return new Expr.OutputRef(field.name(), steps, at);
        }
        return new Expr.SourceRef(name, steps, at);
    }

    private List<Step> parseSteps() {
        List<Step> steps = new ArrayList<>();
        while (true) {
            char c = in.peek();
            if (c == '.' && !in.atEnd()) {
                in.pos++;
                steps.add(parseDotStep());
            } else if (c == '[' && !in.atEnd()) {
                in.pos++;
                in.skipSpace();
                steps.add(parseBracketStep());
            } else {
                return steps;
            }
        }
    }

    private Step parseDotStep() {
        int at = in.pos;
        String name = in.readName();
        if (name.isEmpty()) {
            throw in.atEnd() ? in.unterminated() : in.fail("expected a name after '.'", at);
        }
        if (in.peek() != '(') {
            return Step.Field.of(name);
        }
        Method method = Method.byName(name);
        if (method == null) {
            throw in.fail("unknown method '" + name + "()' (known: " + Method.NAMES + ")", at);
        }
        in.pos++;
        List<Object> arguments = parseArguments();
        if (arguments.size() != method.arity()) {
            throw in.fail(name + "() takes " + method.arity() + " argument" + (method.arity() == 1 ? "" : "s"), at);
        }
        String argument = arguments.isEmpty() ? null : Values.toText(arguments.get(0));
        if (method == Method.SPLIT && argument.isEmpty()) {
            throw in.fail("split() needs a non-empty separator", at);
        }
        return new Step.Call(method, argument, at);
    }

    private List<Object> parseArguments() {
        List<Object> arguments = new ArrayList<>();
        in.skipSpace();
        while (in.peek() != ')') {
            char c = in.peek();
            if ((c == '\'' || c == '"') && !in.atEnd()) {
                arguments.add(in.readQuoted());
            } else if (in.atNumber()) {
                arguments.add(in.readNumber());
            } else {
                throw in.atEnd() ? in.unterminated() : in.fail("expected a quoted string or a number", in.pos);
            }
            in.skipSpace();
            if (in.peek() != ')') {
                in.expect(',');
                in.skipSpace();
            }
        }
        in.pos++;
        return arguments;
    }

    private Step parseBracketStep() {
        char c = in.peek();
        Step step;
        if (c == '*') {
            in.pos++;
            step = new Step.Wildcard();
        } else if ((c == '\'' || c == '"') && !in.atEnd()) {
            step = new Step.Field(in.readQuoted(), -1);
        } else {
            Integer from = in.readInteger();
            in.skipSpace();
            if (in.peek() == ':') {
                in.pos++;
                in.skipSpace();
                step = new Step.Slice(from, in.readInteger());
            } else if (from == null) {
                throw in.atEnd() ? in.unterminated() : in.fail("expected an index, a slice, * or a quoted key", in.pos);
            } else {
                step = new Step.Index(from);
            }
        }
        in.skipSpace();
        in.expect(']');
        return step;
    }
}
