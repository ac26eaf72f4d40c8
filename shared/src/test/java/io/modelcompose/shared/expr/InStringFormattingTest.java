package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.list;
import static io.modelcompose.shared.expr.ExprFixtures.map;
import static io.modelcompose.shared.expr.ExprFixtures.renderInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inside a longer string, values are spliced in as JSON text. The original used Python str(): None (early
 * versions), True/False, and single-quoted dict/list reprs such as {'id': 1}. Ours is language-neutral JSON.
 */
class InStringFormattingTest {
    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of(null, "[]"),
                Arguments.of("text", "[text]"),
                Arguments.of("say \"hi\"", "[say \"hi\"]"),
                Arguments.of("", "[]"),
                Arguments.of(true, "[true]"),
                Arguments.of(false, "[false]"),
                Arguments.of(5, "[5]"),
                Arguments.of(5L, "[5]"),
                Arguments.of(5.0, "[5.0]"),
                Arguments.of(1.5, "[1.5]"),
                Arguments.of(new BigInteger("123456789012345678901234567890"), "[123456789012345678901234567890]"),
                Arguments.of(new BigDecimal("1.10"), "[1.10]"),
                Arguments.of(map("id", 1, "n", "a"), "[{\"id\":1,\"n\":\"a\"}]"),
                Arguments.of(map("b", 2, "a", 1), "[{\"b\":2,\"a\":1}]"),
                Arguments.of(list(map("id", 1, "n", "a")), "[[{\"id\":1,\"n\":\"a\"}]]"),
                Arguments.of(list(1, null, "x"), "[[1,null,\"x\"]]"),
                Arguments.of(map("msg", "안녕"), "[{\"msg\":\"안녕\"}]"),
                Arguments.of(map(), "[{}]"),
                Arguments.of(list(), "[[]]"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("formats")
    void splicesValueAsJsonText(Object value, String expected) {
        assertThat(renderInput("[${input.v}]", map("v", value))).isEqualTo(expected);
    }

    @Test
    void splicesSeveralValuesInOrder() {
        assertThat(renderInput("${input.a} + ${input.b} = ${input.a + input.b}!", map("a", 1, "b", 2)))
                .isEqualTo("1 + 2 = 3!");
    }

    @Test
    void wholeExpressionKeepsTheNativeType() {
        assertThat(renderInput("${input.v}", map("v", true))).isEqualTo(true);
        assertThat(renderInput("${input.v}", map("v", list(1)))).isEqualTo(list(1));
        assertThat(renderInput("${input.v}", map())).isNull();
    }

    @Test
    void multilineBlockKeepsItsLines() {
        String body = "workflow_execution_duration_seconds ${input.d}\nworkflow_execution_total 1\n";
        assertThat(renderInput(body, map("d", 1.25)))
                .isEqualTo("workflow_execution_duration_seconds 1.25\nworkflow_execution_total 1\n");
    }
}
