package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.list;
import static io.modelcompose.shared.expr.ExprFixtures.map;
import static io.modelcompose.shared.expr.ExprFixtures.renderInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class MethodTest {
    private static final Map<String, Object> INPUT = map(
            "padded", "  Hello World \n", "csv", "a,b,,c", "word", "héllo", "emoji", "a😀b",
            "names", list("ada", "alan"), "obj", map("x", 1, "length", "field"), "n", 5,
            "raw", "{\"a\":1,\"list\":[true]}", "bad", "{nope", "missing", null);

    static Stream<Arguments> calls() {
        return Stream.of(
                Arguments.of("${input.padded.trim()}", "Hello World"),
                Arguments.of("${input.padded.lower()}", "  hello world \n"),
                Arguments.of("${input.padded.trim().upper()}", "HELLO WORLD"),
                Arguments.of("${input.word.upper()}", "HÉLLO"),
                Arguments.of("${input.word.length()}", 5L),
                Arguments.of("${input.emoji.length()}", 3L),
                Arguments.of("${input.names.length()}", 2L),
                Arguments.of("${input.obj.length()}", 2L),
                Arguments.of("${input.obj.length}", "field"),
                Arguments.of("${input.csv.split(',')}", list("a", "b", "", "c")),
                Arguments.of("${input.csv.split(\",\")[1]}", "b"),
                Arguments.of("${input.csv.split(',').length()}", 4L),
                Arguments.of("${input.csv.split(';')}", list("a,b,,c")),
                Arguments.of("${input.csv.split('a,')}", list("", "b,,c")),
                Arguments.of("${'x, y, '.split(', ')}", list("x", "y", "")),
                Arguments.of("${input.names[*].upper()}", list("ADA", "ALAN")),
                Arguments.of("${input.names[*].length()}", list(3L, 4L)),
                Arguments.of("${input.raw.json()}", map("a", 1, "list", list(true))),
                Arguments.of("${input.raw.json().list[0]}", true),
                Arguments.of("${input.obj.json()}", map("x", 1, "length", "field")),
                Arguments.of("${input.n.trim()}", "5"),
                Arguments.of("${input.missing.trim()}", null),
                Arguments.of("${input.missing.trim() | none}", "none"),
                Arguments.of("${input.nope.length()}", null),
                Arguments.of("${ input.padded.trim( ) }", "Hello World"),
                Arguments.of("took ${input.padded.trim().length()} chars", "took 11 chars"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("calls")
    void callsMethod(String template, Object expected) {
        assertThat(renderInput(template, INPUT)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "${input.obj.trim()}      | trim() needs text, not an object                        | 12",
        "${input.names.upper()}   | upper() needs text, not a list                          | 14",
        "${input.n.length()}      | length() needs text, a list or an object, not 5         | 10",
        "${input.bad.json()}      | '{nope' is not valid JSON                               | 12",
        "${input.csv.foo()}       | unknown method 'foo()' (known: trim(), lower(), upper(), length(), split('x'), json()) | 12",
        "${input.csv.split()}     | split() takes 1 argument                                | 12",
        "${input.csv.trim('x')}   | trim() takes 0 arguments                                | 12",
        "${input.csv.split('')}   | split() needs a non-empty separator                     | 12",
        "${input.csv.split(x)}    | expected a quoted string or a number                    | 18",
    })
    void rejectsBadCall(String template, String reason, int position) {
        assertThatThrownBy(() -> renderInput(template.strip(), INPUT))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason.strip());
                    assertThat(e.position()).isEqualTo(position);
                });
    }
}
