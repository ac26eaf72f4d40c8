package io.modelcompose.shared.config.tree;


/** A parsed YAML value that remembers where it was written. */
public sealed interface YNode permits YMap, YList, YScalar {

    /** The file and line of the value. */
    SourceLocation location();

    /** Describes the value for messages: {@code 'abc'}, {@code a mapping}, {@code a list}. */
    String describe();

    /** The value as plain Java: {@code Map}, {@code List}, String, Number, Boolean or null. */
    Object toPlain();
}
