package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.list;
import static io.modelcompose.shared.expr.ExprFixtures.map;
import static io.modelcompose.shared.expr.ExprFixtures.renderInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ArithmeticTest {
    private static final Map<String, Object> INPUT = map(
            "n", "41", "i", 7, "l", 10L, "d", "1.25", "padded", " 5 ", "s", "abc",
            "start", "1700000000023", "end", "1700000000123", "end-time", 3,
            "obj", map("k", 1), "list", list(1, 2), "flag", true, "missing", null);

    static Stream<Arguments> results() {
        return Stream.of(
                Arguments.of("${1 + 2}", 3L),
                Arguments.of("${input.n + 1}", 42L),
                Arguments.of("${input.end - input.start}", 100L),
                Arguments.of("${input.i * 3}", 21L),
                Arguments.of("${input.l - input.i}", 3L),
                Arguments.of("${input.padded + 1}", 6L),
                Arguments.of("${input.d + 1}", 2.25),
                Arguments.of("${1.5 * 2}", 3.0),
                Arguments.of("${1e3 + 1}", 1001.0),
                Arguments.of("${6 / 3}", 2L),
                Arguments.of("${7 / 2}", 3.5),
                Arguments.of("${-7 / 2}", -3.5),
                Arguments.of("${1 / 4}", 0.25),
                Arguments.of("${3.0 / 1.5}", 2.0),
                Arguments.of("${2 + 3 * 4}", 14L),
                Arguments.of("${(2 + 3) * 4}", 20L),
                Arguments.of("${10 - 2 - 3}", 5L),
                Arguments.of("${24 / 4 / 2}", 3L),
                Arguments.of("${2 * 3 - 4 / 2}", 4L),
                Arguments.of("${input.end-time - 1}", 2L),
                Arguments.of("${5 - -2}", 7L),
                Arguments.of("${9223372036854775807 + 1}", new BigInteger("9223372036854775808")),
                Arguments.of("${9223372036854775807 * 2}", new BigInteger("18446744073709551614")),
                Arguments.of("${-9223372036854775807 - 2}", new BigInteger("-9223372036854775809")),
                Arguments.of("${-9223372036854775808 / -1}", new BigInteger("9223372036854775808")),
                Arguments.of("${99999999999999999999 - 99999999999999999998}", 1L),
                Arguments.of("${99999999999999999999 / 3}", new BigInteger("33333333333333333333")),
                // '+' concatenates text when an operand is a non-numeric string ...
                Arguments.of("${'a' + 'b'}", "ab"),
                Arguments.of("${input.s + 1}", "abc1"),
                Arguments.of("${1 + input.s}", "1abc"),
                Arguments.of("${input.s + input.obj}", "abc{\"k\":1}"),
                Arguments.of("${input.s + input.flag}", "abctrue"),
                // ... but numeric strings are numbers, so two of them add up.
                Arguments.of("${'5' + '6'}", 11L),
                Arguments.of("${input.list + input.list}", list(1, 2, 1, 2)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("results")
    void computes(String template, Object expected) {
        Object result = renderInput(template, INPUT);
        assertThat(result).isEqualTo(expected);
        assertThat(result).hasSameClassAs(expected);
    }

    @Test
    void integerResultIsNeverADouble() {
        assertThat(renderInput("${input.n + 1}", INPUT)).isInstanceOf(Long.class).isEqualTo(42L);
        assertThat(renderInput("n=${input.n + 1}", INPUT)).isEqualTo("n=42");
    }

    @Test
    void subtractsTimestampsInsideAString() {
        assertThat(renderInput("took ${input.end - input.start}ms", INPUT)).isEqualTo("took 100ms");
    }

    // The original has no arithmetic. Ours refuses non-numbers for - * /, and refuses null (a missing value) for
    // every operator rather than guessing, so a typo in a job name fails loudly instead of rendering "".
    @ParameterizedTest(name = "{0} fails: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "${input.s - 1}        | cannot apply '-' to 'abc' (not a number)        | 2",
        "${2 * input.s}        | cannot apply '*' to 'abc' (not a number)        | 6",
        "${2 / input.obj}      | cannot apply '/' to an object (not a number)    | 6",
        "${input.list - 1}     | cannot apply '-' to a list (not a number)       | 2",
        "${input.flag + 1}     | cannot apply '+' to true (not a number or text) | 2",
        "${input.obj + 1}      | cannot apply '+' to an object (not a number or text) | 2",
        "${input.missing + 1}  | cannot apply '+' to null (a missing value)      | 2",
        "${1 - input.missing}  | cannot apply '-' to null (a missing value)      | 6",
        "${1 / 0}              | division by zero                                | 6",
        "${1.5 / 0.0}          | division by zero                                | 8",
        "${input.n / (1 - 1)}  | division by zero                                | 13",
        "${1e308 * 10}         | the result is out of range                      | 10",
    })
    void rejects(String template, String reason, int position) {
        assertThatThrownBy(() -> renderInput(template.strip(), INPUT))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason.strip());
                    assertThat(e.position()).isEqualTo(position);
                    assertThat(e.expression()).isEqualTo(template.strip());
                });
    }

    @Test
    void minusWithoutSpacesIsPartOfAName() {
        assertThat(renderInput("${input.end-time}", INPUT)).isEqualTo(3);
        assertThat(renderInput("${input.i-1}", INPUT)).isNull();
    }
}
