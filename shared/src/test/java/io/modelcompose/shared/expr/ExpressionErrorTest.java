package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.map;
import static io.modelcompose.shared.expr.ExprFixtures.renderInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionErrorTest {
    private static final Map<String, Object> INPUT = map("a", 1, "s", "abc");

    @Test
    void messageNamesTheReasonExpressionAndPosition() {
        Scope scope = Scope.of(map("output", map("a", "abc")));
        assertThatThrownBy(() -> Template.parse("${output.a - 1}").render(scope))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("cannot apply '-' to 'abc' (not a number) in ${output.a - 1} at position 2");
    }

    @Test
    void positionCountsFromTheStartOfTheWholeTemplate() {
        Scope scope = Scope.of(map("output", map("a", "abc")));
        assertThatThrownBy(() -> Template.parse("took ${output.a - 1}ms").render(scope))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.expression()).isEqualTo("${output.a - 1}");
                    assertThat(e.position()).isEqualTo(7);
                });
    }

    @Test
    void errorInTheSecondExpressionNamesThatExpression() {
        assertThatThrownBy(() -> renderInput("${input.a} ${input.s - 1}", INPUT))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.expression()).isEqualTo("${input.s - 1}");
                    assertThat(e.position()).isEqualTo(13);
                });
    }

    @Test
    void errorIsAComposeExceptionWithTheExpressionCode() {
        assertThatThrownBy(() -> Template.parse("${input.a"))
                .isInstanceOfSatisfying(ComposeException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.EXPRESSION));
    }

    @Test
    void errorInANestedDefaultNamesTheNestedExpression() {
        assertThatThrownBy(() -> renderInput("${input.q | ${input.s as number}}", INPUT))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.expression()).isEqualTo("${input.s as number}");
                    assertThat(e.position()).isEqualTo(25);
                });
    }

    @Test
    void errorInsideANestedMapPropagatesFromTemplates() {
        Object config = map("outer", map("inner", "${input.s * 2}"));
        assertThatThrownBy(() -> Templates.render(config, Scope.of(map("input", INPUT))))
                .isInstanceOf(ExpressionException.class)
                .hasMessageContaining("${input.s * 2}");
    }

    @ParameterizedTest(name = "{0}: {1} at {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "hello ${input.a          | unterminated ${                               | ${input.a            | 6",
        "${                       | unterminated ${                               | ${                   | 0",
        "a ${input.s.split(','    | unterminated ${                               | ${input.s.split(','  | 2",
        "\"${input.a | x\"       | unterminated ${                               | \"${input.a | x\"   | 0",
        "\"${input.a | ${input.b}\" | unterminated ${                            | \"${input.a | ${input.b}\" | 0",
        "${'abc}                  | unterminated string                           | ${'abc}              | 2",
        "${}                      | empty expression                              | ${}                  | 2",
        "${   }                   | empty expression                              | ${   }               | 5",
        "${input.a b}             | expected '}' but found 'b'                    | ${input.a b}         | 10",
        "${input.a +1}            | operator '+' needs a space on each side       | ${input.a +1}        | 10",
        "${input.a+1}             | operator '+' needs a space on each side       | ${input.a+1}         | 9",
        "${input.a *2}            | operator '*' needs a space on each side       | ${input.a *2}        | 10",
        "${input.a -}             | operator '-' needs a space on each side       | ${input.a -}         | 10",
        "${input.a - }            | expected a value                              | ${input.a - }        | 12",
        "${input.}                | expected a name after '.'                     | ${input.}            | 8",
        "${input.a[x]}            | expected an index, a slice, * or a quoted key | ${input.a[x]}        | 10",
        "${input.a[0}             | expected ']' but found '}'                    | ${input.a[0}         | 11",
        "${input.a as}            | expected a type after 'as'                    | ${input.a as}        | 12",
        "${input.a as float}      | unknown type 'float' (known: string, text, number, integer, boolean, json, object, list, base64, markdown, image, audio, video, file, stream, select, slider, any) | ${input.a as float} | 13",
        "${)}                     | unexpected ')'                                | ${)}                 | 2",
        "${(input.a + 1}          | expected ')' but found '}'                    | ${(input.a + 1}      | 14",
        "${input.a.b.c.d(}        | unknown method 'd()' (known: trim(), lower(), upper(), length(), split('x'), json()) | ${input.a.b.c.d(} | 14",
        "${input.a[99999999999]}  | malformed index '99999999999'                 | ${input.a[99999999999]} | 10",
        "${1.2.3}                 | malformed number '1.2.3'                      | ${1.2.3}             | 2",
    })
    void rejectsSyntax(String template, String reason, String expression, int position) {
        assertThatThrownBy(() -> Template.parse(template.strip()))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason.strip());
                    assertThat(e.expression()).isEqualTo(expression.strip());
                    assertThat(e.position()).isEqualTo(position);
                });
    }

    @Test
    void syntaxErrorsAreNotCached() {
        assertThatThrownBy(() -> Template.parse("${input.a +1}")).isInstanceOf(ExpressionException.class);
        assertThatThrownBy(() -> Template.parse("${input.a +1}")).isInstanceOf(ExpressionException.class);
    }
}
