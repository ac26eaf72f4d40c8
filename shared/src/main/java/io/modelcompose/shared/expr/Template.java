package io.modelcompose.shared.expr;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed template string: literal text with {@code ${ expr [as TYPE] [| default] }} interpolations. Parse once
 * (parsed templates are cached by text), render many times; immutable and thread-safe.
 *
 * <p>A template that is exactly one {@code ${...}} renders to the native value (object, list, number, boolean,
 * null); otherwise every value is spliced in as {@link Values#toText(Object)} and the result is a string.
 */
public final class Template {
    private static final int CACHE_LIMIT = 10_000;
    private static final ConcurrentHashMap<String, Template> CACHE = new ConcurrentHashMap<>();

    private final String text;
    private final Fragment fragment;

    private Template(String text, Fragment fragment) {
        this.text = text;
        this.fragment = fragment;
    }

    /**
     * Parses a template, or returns the cached parse of the same text.
     *
     * @throws ExpressionException on a syntax error, with the expression and its position
     */
    public static Template parse(String text) {
        Objects.requireNonNull(text, "text");
        Template cached = CACHE.get(text);
        if (cached != null) {
            return cached;
        }
        Template parsed = new Template(text, TemplateParser.parse(text));
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.putIfAbsent(text, parsed);
        return parsed;
    }

    /**
     * Evaluates the template against a scope.
     *
     * @throws ExpressionException on an evaluation error (bad cast, arithmetic on a non-number, ...)
     */
    public Object render(Scope scope) {
        return fragment.render(Objects.requireNonNull(scope, "scope"));
    }

    /**
     * Evaluates the template piece by piece: literal text and the text of each interpolation (formatted as inside a
     * longer string) go to the sink in order, so that a caller can keep values apart from the text around them.
     *
     * @throws ExpressionException on an evaluation error
     */
    public void splice(Scope scope, Splice sink) {
        fragment.splice(Objects.requireNonNull(scope, "scope"), Objects.requireNonNull(sink, "sink"));
    }

    /** Receives the pieces of a template from {@link #splice(Scope, Splice)}. */
    public interface Splice {
        /** Literal text written in the template. */
        void literal(String text);

        /** The formatted value of one {@code ${...}}. */
        void value(String text);
    }

    /** True when the text has no {@code ${...}}; rendering then returns the text itself. */
    public boolean isConstant() {
        return fragment.isConstant();
    }

    /** The template text as written. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
