package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.list;
import static io.modelcompose.shared.expr.ExprFixtures.map;
import static io.modelcompose.shared.expr.ExprFixtures.renderInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DefaultTest {
    private static final Map<String, Object> INPUT = map("name", "Ada", "empty", "", "no", false, "zero", 0,
            "nothing", null, "obj", map("k", 1));

    static Stream<Arguments> wholeValueDefaults() {
        return Stream.of(
                Arguments.of("${input.q | hello world}", "hello world"),
                Arguments.of("${input.q |hello}", "hello"),
                Arguments.of("${input.nothing | x}", "x"),
                Arguments.of("${input.name | x}", "Ada"),
                Arguments.of("${input.empty | x}", ""),
                Arguments.of("${input.no | true}", false),
                Arguments.of("${input.zero | 5}", 0),
                Arguments.of("${input.q | 'quoted text'}", "quoted text"),
                Arguments.of("${input.q | \"double\"}", "double"),
                Arguments.of("${input.q | '3'}", "3"),
                Arguments.of("${input.q | 'a}b'}", "a}b"),
                // Original: an unquoted default stayed a string ("3"). Ours reads JSON literals when the
                // expression is the whole value: numbers, booleans, null, arrays and objects.
                Arguments.of("${input.q | 3}", 3L),
                Arguments.of("${input.q | -2}", -2L),
                Arguments.of("${input.q | 0.7}", 0.7),
                Arguments.of("${input.q | 1.50}", 1.5),
                Arguments.of("${input.q | 1e3}", 1000.0),
                Arguments.of("${input.q | true}", true),
                Arguments.of("${input.q | false}", false),
                Arguments.of("${input.q | null}", null),
                Arguments.of("${input.q | []}", list()),
                Arguments.of("${input.q | [1, \"a\"]}", list(1, "a")),
                Arguments.of("${input.q | {}}", map()),
                Arguments.of("${input.q | {\"a\": {\"b\": 1}}}", map("a", map("b", 1))),
                // Text that only resembles a literal stays text.
                Arguments.of("${input.q | 007}", "007"),
                Arguments.of("${input.q | 1.}", "1."),
                Arguments.of("${input.q | [draft]}", "[draft]"),
                Arguments.of("${input.q | True}", "True"),
                Arguments.of("${input.q | a | b}", "a | b"),
                Arguments.of("${input.q | 'a' b}", "'a' b"),
                Arguments.of("${input.q |}", ""),
                // As in the original, the type must come before the default.
                Arguments.of("${input.q | 1 as integer}", "1 as integer"),
                Arguments.of("${input.q as number | 0.7}", 0.7),
                Arguments.of("${input.q as integer | 3}", 3L),
                Arguments.of("${input.q as string | 5}", "5"),
                Arguments.of("${input.q as boolean | 0}", false),
                Arguments.of("${input.q as list | [1]}", list(1)),
                Arguments.of("${input.q as number | '2.5'}", 2.5),
                Arguments.of("${input.q | ${input.name}}", "Ada"),
                Arguments.of("${input.q | ${input.r | deep}}", "deep"),
                Arguments.of("${input.q | ${input.r | 4}}", 4L),
                Arguments.of("${input.q | ${input.obj}}", map("k", 1)),
                Arguments.of("${input.q | Mr ${input.name}}", "Mr Ada"),
                Arguments.of("${input.q | ${input.name}-${input.name}}", "Ada-Ada"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("wholeValueDefaults")
    void appliesDefaultToNullOnly(String template, Object expected) {
        Object result = renderInput(template, INPUT);
        assertThat(result).isEqualTo(expected);
        if (expected != null) {
            assertThat(result).hasSameClassAs(expected);
        }
    }

    static Stream<Arguments> inStringDefaults() {
        return Stream.of(
                Arguments.of("n=${input.q | 3}", "n=3"),
                Arguments.of("v=${input.q | 1.50}", "v=1.50"),
                Arguments.of("v=${input.q | [1, 2]}", "v=[1, 2]"),
                Arguments.of("x=${input.q | 'a b'}", "x=a b"),
                Arguments.of("x=${input.q | null}!", "x=!"),
                Arguments.of("x=${input.q as number | 1.50}", "x=1.5"),
                Arguments.of("hi ${input.q | ${input.name}}", "hi Ada"),
                Arguments.of("hi ${input.q | ${input.obj}}", "hi {\"k\":1}"),
                Arguments.of("hi ${input.name | x}", "hi Ada"));
    }

    // Inside a longer string an unquoted constant default keeps its text as written.
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("inStringDefaults")
    void splicesDefaultIntoText(String template, String expected) {
        assertThat(renderInput(template, INPUT)).isEqualTo(expected);
    }

    @Test
    void defaultThatFailsTheCastIsAnError() {
        assertThatThrownBy(() -> renderInput("${input.q as integer | 1.5}", INPUT))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("cannot convert 1.5 to integer (it has a fraction) in ${input.q as integer | 1.5}"
                        + " at position 13");
    }

    @Test
    void defaultIsNotEvaluatedWhenTheValueIsPresent() {
        assertThat(renderInput("${input.name | ${input.name as integer}}", INPUT)).isEqualTo("Ada");
    }
}
