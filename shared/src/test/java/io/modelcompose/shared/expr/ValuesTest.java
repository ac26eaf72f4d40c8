package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.list;
import static io.modelcompose.shared.expr.ExprFixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {
    static Stream<Arguments> numbers() {
        return Stream.of(
                Arguments.of("42", 42L),
                Arguments.of("-7", -7L),
                Arguments.of("+3", 3L),
                Arguments.of(" 5\n", 5L),
                Arguments.of("1700000000123", 1700000000123L),
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("99999999999999999999", new BigInteger("99999999999999999999")),
                Arguments.of("1.5", 1.5),
                Arguments.of(".5", 0.5),
                Arguments.of("1e3", 1000.0),
                Arguments.of("-2.5E-1", -0.25),
                Arguments.of(7, 7),
                Arguments.of(2.5, 2.5));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("numbers")
    void readsNumbers(Object value, Number expected) {
        Number number = Values.toNumber(value);
        assertThat(number).isEqualTo(expected);
        assertThat(number).hasSameClassAs(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is not a number")
    @ValueSource(strings = {"", " ", "abc", "1.2.3", "12abc", "1e", "NaN", "Infinity", "0x10", "-", "."})
    void rejectsNonNumericText(String text) {
        assertThat(Values.toNumber(text)).isNull();
    }

    @Test
    void nonTextNonNumbersAreNotNumbers() {
        assertThat(Values.toNumber(null)).isNull();
        assertThat(Values.toNumber(true)).isNull();
        assertThat(Values.toNumber(list(1))).isNull();
    }

    @Test
    void formatsTextForSplicing() {
        assertThat(Values.toText(null)).isEmpty();
        assertThat(Values.toText("a \"b\"")).isEqualTo("a \"b\"");
        assertThat(Values.toText(42L)).isEqualTo("42");
        assertThat(Values.toText(3.5)).isEqualTo("3.5");
        assertThat(Values.toText(false)).isEqualTo("false");
        assertThat(Values.toText(map("z", 1, "a", list(true, null)))).isEqualTo("{\"z\":1,\"a\":[true,null]}");
    }

    @Test
    void writesJsonOfAnyValue() {
        assertThat(Values.toJson("a \"b\"\n")).isEqualTo("\"a \\\"b\\\"\\n\"");
        assertThat(Values.toJson(null)).isEqualTo("null");
        assertThat(Values.toJson(map("k", "값"))).isEqualTo("{\"k\":\"값\"}");
        assertThat(Values.toJson(7)).isEqualTo("7");
    }

    @Test
    void parsesJsonIntoOrderedPlainCollections() {
        Object parsed = Values.parseJson("{\"z\":1,\"a\":[1,2.5,\"x\",true,null,{}],\"big\":12345678901}");
        assertThat(parsed).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) parsed;
        assertThat(object.keySet()).containsExactly("z", "a", "big");
        assertThat(object.get("z")).isEqualTo(1);
        assertThat(object.get("big")).isEqualTo(12345678901L);
        assertThat(object.get("a")).isInstanceOf(ArrayList.class);
        assertThat(object.get("a")).isEqualTo(list(1, 2.5, "x", true, null, new LinkedHashMap<>()));
    }

    @Test
    void parsesJsonScalars() {
        assertThat(Values.parseJson("\"s\"")).isEqualTo("s");
        assertThat(Values.parseJson("null")).isNull();
        assertThat(Values.parseJson("false")).isEqualTo(false);
        assertThat(Values.parseJson("123456789012345678901234")).isEqualTo(new BigInteger("123456789012345678901234"));
    }

    @ParameterizedTest(name = "\"{0}\" is bad JSON")
    @ValueSource(strings = {"", "{", "{'a':1}", "[1,]", "1 2", "{\"a\":1} x", "nope"})
    void rejectsBadJsonAsBadRequest(String text) {
        assertThatThrownBy(() -> Values.parseJson(text))
                .isInstanceOfSatisfying(ComposeException.class, e -> {
                    assertThat(e).isNotInstanceOf(ExpressionException.class);
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.getMessage()).startsWith("invalid JSON");
                });
    }
}
