package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.list;
import static io.modelcompose.shared.expr.ExprFixtures.map;
import static io.modelcompose.shared.expr.ExprFixtures.renderInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CastTest {
    static Stream<Arguments> conversions() {
        return Stream.of(
                Arguments.of("string", 5, "5"),
                Arguments.of("string", 1.5, "1.5"),
                Arguments.of("string", true, "true"),
                Arguments.of("string", "x", "x"),
                Arguments.of("string", map("a", 1, "b", list("x")), "{\"a\":1,\"b\":[\"x\"]}"),
                Arguments.of("text", list(1, "two"), "[1,\"two\"]"),
                Arguments.of("text", map("이름", "값"), "{\"이름\":\"값\"}"),
                // Original: number was Python float(), so "5" became 5.0. Ours keeps integers integral.
                Arguments.of("number", "5", 5L),
                Arguments.of("number", " 5 ", 5L),
                Arguments.of("number", "5.5", 5.5),
                Arguments.of("number", "1e2", 100.0),
                Arguments.of("number", 7, 7L),
                Arguments.of("number", 2.5, 2.5),
                Arguments.of("number", "1700000000123", 1700000000123L),
                Arguments.of("integer", "5", 5L),
                Arguments.of("integer", 5, 5L),
                Arguments.of("integer", 5.0, 5L),
                Arguments.of("integer", "5.0", 5L),
                Arguments.of("integer", "-12", -12L),
                Arguments.of("integer", "99999999999999999999", new BigInteger("99999999999999999999")),
                Arguments.of("boolean", "true", true),
                Arguments.of("boolean", "TRUE", true),
                Arguments.of("boolean", "1", true),
                Arguments.of("boolean", "yes", true),
                Arguments.of("boolean", "false", false),
                Arguments.of("boolean", "0", false),
                Arguments.of("boolean", "no", false),
                Arguments.of("boolean", "", false),
                Arguments.of("boolean", true, true),
                Arguments.of("boolean", 1, true),
                Arguments.of("boolean", 0L, false),
                Arguments.of("json", "{\"a\":1}", map("a", 1)),
                Arguments.of("json", "[1,2]", list(1, 2)),
                Arguments.of("json", "\"s\"", "s"),
                Arguments.of("json", "5", 5),
                Arguments.of("json", map("a", 1), map("a", 1)),
                Arguments.of("json", 5, 5),
                Arguments.of("object", "{\"a\":{\"b\":true}}", map("a", map("b", true))),
                Arguments.of("object", map("a", 1), map("a", 1)),
                Arguments.of("list", "[\"x\"]", list("x")),
                Arguments.of("list", list(1), list(1)),
                Arguments.of("base64", "hello", "aGVsbG8="),
                Arguments.of("base64", "한글", "7ZWc6riA"),
                Arguments.of("base64", 5, "NQ=="),
                Arguments.of("base64", map("a", 1), "eyJhIjoxfQ=="));
    }

    @ParameterizedTest(name = "{1} as {0} -> {2}")
    @MethodSource("conversions")
    void converts(String type, Object value, Object expected) {
        Object result = renderInput("${input.v as " + type + "}", map("v", value));
        assertThat(result).isEqualTo(expected);
        assertThat(result).hasSameClassAs(expected);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("number", "abc", "cannot convert 'abc' to number"),
                Arguments.of("number", true, "cannot convert true to number"),
                Arguments.of("number", map(), "cannot convert an object to number"),
                // Original: int(5.5) silently truncated a float to 5. Ours refuses any fraction.
                Arguments.of("integer", "5.5", "cannot convert '5.5' to integer (it has a fraction)"),
                Arguments.of("integer", 5.5, "cannot convert 5.5 to integer (it has a fraction)"),
                Arguments.of("integer", "five", "cannot convert 'five' to integer"),
                // Original: any text other than "true"/"1" was false. Ours fails on text it does not recognise.
                Arguments.of("boolean", "maybe", "cannot convert 'maybe' to boolean"),
                Arguments.of("boolean", 2, "cannot convert 2 to boolean"),
                Arguments.of("boolean", list(), "cannot convert a list to boolean"),
                Arguments.of("json", "{bad", "'{bad' is not valid JSON"),
                Arguments.of("object", "[1]", "cannot convert '[1]' to object (not an object)"),
                Arguments.of("object", "5", "cannot convert '5' to object (not an object)"),
                Arguments.of("object", list(), "cannot convert a list to object (not an object)"),
                Arguments.of("list", "{}", "cannot convert '{}' to list (not a list)"),
                Arguments.of("list", "x", "'x' is not valid JSON"));
    }

    @ParameterizedTest(name = "{1} as {0} fails")
    @MethodSource("failures")
    void rejectsBadConversionAtTheTypeName(String type, Object value, String reason) {
        String template = "${input.v as " + type + "}";
        assertThatThrownBy(() -> renderInput(template, map("v", value)))
                .isInstanceOfSatisfying(ExpressionException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.expression()).isEqualTo(template);
                    assertThat(e.position()).isEqualTo(13);
                });
    }

    @Test
    void nullIsNotConverted() {
        assertThat(renderInput("${input.v as string}", map())).isNull();
        assertThat(renderInput("${input.v as boolean}", map())).isNull();
        assertThat(renderInput("[${input.v as number}]", map())).isEqualTo("[]");
    }

    // Original: in-string booleans used Python str() and printed "True". Ours prints JSON "true".
    @Test
    void castValueInsideAStringIsJsonText() {
        assertThat(renderInput("flag=${input.b as boolean}.", map("b", "1"))).isEqualTo("flag=true.");
        assertThat(renderInput("pi=${input.p as number}", map("p", "3.14"))).isEqualTo("pi=3.14");
        assertThat(renderInput("n=${input.p as number}", map("p", "3"))).isEqualTo("n=3");
    }

    @Test
    void castAppliesToTheWholeArithmetic() {
        assertThat(renderInput("${input.n + 1 as string}", map("n", "41"))).isEqualTo("42");
    }

    @Test
    void asAfterANameWithoutSpaceIsPartOfThePath() {
        assertThat(renderInput("${input.as}", map("as", "field"))).isEqualTo("field");
    }
}
