package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.list;
import static io.modelcompose.shared.expr.ExprFixtures.map;
import static io.modelcompose.shared.expr.ExprFixtures.renderInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TemplateParseTest {
    private static final Map<String, Object> INPUT = map("a", 1, "b", 2, "s", "abc", "t", null,
            "obj", map("k", 1), "text", "x}y");

    static Stream<Arguments> templates() {
        return Stream.of(
                Arguments.of("plain text", "plain text"),
                Arguments.of("", ""),
                Arguments.of("${input.s}", "abc"),
                Arguments.of("${  input.s  }", "abc"),
                Arguments.of("${\n  input.s\n}", "abc"),
                Arguments.of(" ${input.s}", " abc"),
                Arguments.of("${input.s} ", "abc "),
                // Original: a bare key swallowed '}' and '$', so "${a}${b}" rendered null. Ours renders both.
                Arguments.of("${input.a}${input.b}", "12"),
                // Original: "${a}-${b}" rendered null (the key swallowed '-', '}' ...). Ours: "1-2".
                Arguments.of("${input.a}-${input.b}", "1-2"),
                Arguments.of("[${input.a}]/${input.b}", "[1]/2"),
                // '$${' is not an escape: the first '$' is literal text.
                Arguments.of("$${input.s}", "$abc"),
                Arguments.of("cost: $5 {not} an } expression $", "cost: $5 {not} an } expression $"),
                Arguments.of("$(date +%s%3N) and $HOME", "$(date +%s%3N) and $HOME"),
                Arguments.of("{${input.a}}", "{1}"),
                Arguments.of("${input.text}", "x}y"),
                Arguments.of("${input.s.split('}')}", list("abc")),
                Arguments.of("${'a}b'}", "a}b"),
                Arguments.of("${\"double\"}", "double"),
                Arguments.of("${'it\\'s'}", "it's"),
                Arguments.of("${'tab\\there'}", "tab\there"),
                Arguments.of("${42}", 42L),
                Arguments.of("${-1.5}", -1.5),
                Arguments.of("${true}", true),
                Arguments.of("${false}", false),
                Arguments.of("${null}", null),
                Arguments.of("${(input.a)}", 1),
                Arguments.of("${( input.a + input.b ) * 2}", 6L),
                Arguments.of("${'a,b'.split(',')[1]}", "b"),
                Arguments.of("${input.s}${input.s}${input.s}", "abcabcabc"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("templates")
    void rendersTemplate(String template, Object expected) {
        assertThat(renderInput(template, INPUT)).isEqualTo(expected);
    }

    // Original: "${t|x}" swallowed the '|' into the key and rendered null. Ours applies the default.
    @Test
    void defaultNeedsNoSpacesAroundThePipe() {
        assertThat(renderInput("${input.t|x}", INPUT)).isEqualTo("x");
        assertThat(renderInput("${t|x}", INPUT)).isEqualTo("x");
    }

    @Test
    void wholeExpressionYieldsTheNativeValueItself() {
        Object rendered = renderInput("${input.obj}", INPUT);
        assertThat(rendered).isSameAs(INPUT.get("obj"));
    }

    @Test
    void constantTemplateReportsConstantAndRendersToItsText() {
        Template template = Template.parse("no expressions { here }");
        assertThat(template.isConstant()).isTrue();
        assertThat(template.render(Scope.empty())).isEqualTo("no expressions { here }");
    }

    @Test
    void templateWithExpressionIsNotConstant() {
        Template template = Template.parse("a ${input.a}");
        assertThat(template.isConstant()).isFalse();
        assertThat(template.text()).isEqualTo("a ${input.a}");
        assertThat(template).hasToString("a ${input.a}");
    }

    @Test
    void parsingTheSameTextTwiceReturnsTheCachedTemplate() {
        String text = "cached ${input.a} " + System.nanoTime();
        assertThat(Template.parse(text)).isSameAs(Template.parse(text));
    }

    @Test
    void cacheStaysUsableBeyondItsBound() {
        List<Template> parsed = IntStream.range(0, 10_050)
                .mapToObj(i -> Template.parse("bound " + i + " ${input.a}"))
                .toList();
        assertThat(parsed.get(0).render(Scope.of(map("input", INPUT)))).isEqualTo("bound 0 1");
        assertThat(Template.parse("bound 10049 ${input.a}").render(Scope.of(map("input", INPUT))))
                .isEqualTo("bound 10049 1");
    }

    @Test
    void rendersConcurrentlyWithTheSameResult() {
        Template template = Template.parse("${input.a + input.b} and ${input.s}");
        Scope scope = Scope.of(map("input", INPUT));
        List<Object> results = IntStream.range(0, 2_000).parallel()
                .mapToObj(i -> template.render(scope))
                .distinct()
                .toList();
        assertThat(results).containsExactly("3 and abc");
    }
}
