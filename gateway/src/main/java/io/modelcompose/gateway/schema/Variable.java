package io.modelcompose.gateway.schema;

import java.util.List;

/**
 * One input or output variable of a workflow, as read from a {@code ${source.name as type/subtype;format | default
 * @(annotation value)}} reference.
 *
 * @param name the variable name (the path after the source), or null for the whole value
 * @param type the cast type without {@code []} ({@code string} when there is no cast)
 * @param isList the cast ends with {@code []} (the conversion applies to every element)
 * @param subtype what follows {@code /} in the cast, or null
 * @param format what follows {@code ;} in the cast, or null
 * @param defaultValue the default converted to the type, or null
 * @param options the choices of a {@code select/a,b,c} cast, else empty
 * @param annotations the {@code @(name value)} annotations, in order
 */
public record Variable(String name, String type, boolean isList, String subtype, String format, Object defaultValue,
        List<String> options, List<Annotation> annotations) {

    public Variable {
        options = List.copyOf(options);
        annotations = List.copyOf(annotations);
    }

    /**
     * An annotation such as {@code @(description The text to translate)}.
     *
     * @param name the annotation name
     * @param value its text
     */
    public record Annotation(String name, String value) {
    }
}
