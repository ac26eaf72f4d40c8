package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.list;
import static io.modelcompose.shared.expr.ExprFixtures.map;
import static io.modelcompose.shared.expr.ExprFixtures.render;
import static io.modelcompose.shared.expr.ExprFixtures.renderInput;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PathResolutionTest {
    private static final Map<String, Object> INPUT = map(
            "name", "Ada",
            "user", map("first-name", "Ada", "age", 36, "tags", list("a", "b", "c")),
            "items", list(map("id", 1, "n", "x"), map("id", 2, "n", "y")),
            "matrix", list(list(1, 2), list(3, 4)),
            "a.b", "dotted",
            "nothing", null,
            "under_score", 1,
            "v2", 2,
            "이름", "에이다");

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("${input.name}", "Ada"),
                Arguments.of("${input.user.first-name}", "Ada"),
                Arguments.of("${input.user.age}", 36),
                Arguments.of("${input.under_score}", 1),
                Arguments.of("${input.v2}", 2),
                Arguments.of("${input.이름}", "에이다"),
                Arguments.of("${input.user.tags[0]}", "a"),
                Arguments.of("${input.user.tags[ 1 ]}", "b"),
                Arguments.of("${input.user.tags[-1]}", "c"),
                Arguments.of("${input.user.tags[3]}", null),
                Arguments.of("${input.user.tags[-4]}", null),
                Arguments.of("${input.items[1].n}", "y"),
                Arguments.of("${input.items.0.id}", 1),
                Arguments.of("${input.items[*].id}", list(1, 2)),
                Arguments.of("${input.items[*].missing}", list(null, null)),
                Arguments.of("${input.matrix[1][0]}", 3),
                Arguments.of("${input.matrix[*][0]}", list(1, 3)),
                Arguments.of("${input.matrix[*][*]}", list(list(1, 2), list(3, 4))),
                Arguments.of("${input.user.tags[1:]}", list("b", "c")),
                Arguments.of("${input.user.tags[:-1]}", list("a", "b")),
                Arguments.of("${input.user.tags[5:9]}", list()),
                Arguments.of("${input.name[1:]}", "da"),
                Arguments.of("${input['a.b']}", "dotted"),
                Arguments.of("${input[\"user\"].age}", 36),
                Arguments.of("${input.missing}", null),
                Arguments.of("${input.missing.deeper[0]}", null),
                Arguments.of("${input.nothing}", null),
                Arguments.of("${input.name.first}", null),
                Arguments.of("${input.user.tags.first}", null),
                Arguments.of("${input.name[0]}", null),
                Arguments.of("${input.user[*]}", null),
                Arguments.of("${input.user[0]}", null),
                Arguments.of("${nosuchsource}", null),
                Arguments.of("${nosuchsource.x.y}", null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("paths")
    void resolvesPath(String template, Object expected) {
        assertThat(renderInput(template, INPUT)).isEqualTo(expected);
    }

    @Test
    void indexesASourceDirectly() {
        assertThat(render("${result[0]}", map("result", list("first", "second")))).isEqualTo("first");
        assertThat(render("${result[-1]}", map("result", list("first", "second")))).isEqualTo("second");
    }

    @Test
    void outputNameIsTheOutputOfTheFinishedJobOfThatName() {
        Scope scope = Scope.of(map("output", map("end-time", "field")), map("end-time", map("at", 5)));
        assertThat(Template.parse("${output.end-time}").render(scope)).isEqualTo(map("at", 5));
        assertThat(Template.parse("${output.end-time.at}").render(scope)).isEqualTo(5);
    }

    @Test
    void outputNameOfAJobThatFinishedWithNullIsNull() {
        Scope scope = Scope.of(map("output", map("done", "field")), map("done", null));
        assertThat(Template.parse("${output.done}").render(scope)).isNull();
    }

    @Test
    void outputNameFallsBackToAFieldOfOutputWhenNoSuchJobFinished() {
        Scope scope = Scope.of(map("output", map("status", "ok", "usage", map("total_tokens", 12))), map("other", 1));
        assertThat(Template.parse("${output.status}").render(scope)).isEqualTo("ok");
        assertThat(Template.parse("${output.usage.total_tokens}").render(scope)).isEqualTo(12);
    }

    @Test
    void outputNameWithoutOutputSourceOrJobIsNull() {
        assertThat(Template.parse("${output.status}").render(Scope.empty())).isNull();
    }

    @Test
    void outputAloneIsTheOutputSource() {
        Scope scope = Scope.of(map("output", map("a", 1)), map("a", "job a"));
        assertThat(Template.parse("${output}").render(scope)).isEqualTo(map("a", 1));
    }

    @Test
    void jobsSourceViewsFinishedJobOutputs() {
        Scope scope = Scope.of(map(), map("get-disk-usage", map("used", 40), "other", 1));
        assertThat(Template.parse("${jobs.get-disk-usage.output.used}").render(scope)).isEqualTo(40);
        assertThat(Template.parse("${jobs.unknown.output}").render(scope)).isNull();
        assertThat(Template.parse("jobs=${jobs}").render(scope))
                .isEqualTo("jobs={\"get-disk-usage\":{\"output\":{\"used\":40}},\"other\":{\"output\":1}}");
    }

    @Test
    void explicitJobsSourceWinsOverTheView() {
        Scope scope = Scope.of(map("jobs", map("x", "mine")), map("x", "finished"));
        assertThat(Template.parse("${jobs.x}").render(scope)).isEqualTo("mine");
    }

    @Test
    void unknownSourceIsAbsentInTheScopeAndNullInExpressions() {
        Scope scope = Scope.of(map("input", null));
        assertThat(scope.source("input")).isNull();
        assertThat(scope.source("nope")).isSameAs(Scope.ABSENT);
        assertThat(scope.jobOutput("nope")).isSameAs(Scope.ABSENT);
        assertThat(Template.parse("${nope}").render(scope)).isNull();
    }

    @Test
    void overlayScopeOverridesAndHidesParentSources() {
        Scope parent = Scope.of(map("input", "parent input", "item", "parent item"), map("job", "job output"));
        Scope child = parent.with(map("item", "child item", "input", null));
        assertThat(Template.parse("${item}").render(child)).isEqualTo("child item");
        assertThat(Template.parse("${input}").render(child)).isNull();
        assertThat(Template.parse("${output.job}").render(child)).isEqualTo("job output");
        assertThat(child.source("context")).isSameAs(Scope.ABSENT);
    }

    @Test
    void scopeSeesLaterChangesToItsMaps() {
        Map<String, Object> outputs = map();
        Scope scope = Scope.of(map(), outputs);
        Template template = Template.parse("${output.late}");
        assertThat(template.render(scope)).isNull();
        outputs.put("late", 7);
        assertThat(template.render(scope)).isEqualTo(7);
    }
}
