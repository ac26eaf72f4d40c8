package io.modelcompose.shared.config.tree;


/**
 * A scalar. {@code value} is the YAML-typed value (String, Integer, Long, BigInteger, Double, Boolean or null) and
 * {@code text} the characters as written, so that a field that wants a string can ignore YAML 1.1 typing
 * ({@code restart: no}, {@code 5000:80}, {@code version: 1.0}).
 *
 * @param value the typed value
 * @param text the text as written ("" for an empty value)
 * @param location where it was written
 */
public record YScalar(Object value, String text, SourceLocation location) implements YNode {

    /** A string scalar whose text is the value. */
    public static YScalar ofString(String value, SourceLocation location) {
        return new YScalar(value, value, location);
    }

    public boolean isNull() {
        return value == null;
    }

    @Override
    public String describe() {
        return value == null ? "nothing" : "'" + text + "'";
    }

    @Override
    public Object toPlain() {
        return value;
    }
}
