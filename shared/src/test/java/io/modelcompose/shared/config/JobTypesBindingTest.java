package io.modelcompose.shared.config;

import io.modelcompose.shared.config.load.ConfigLoader;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The upstream-shaped fixtures bind to the job types, options and workflow flags they spell. */
class JobTypesBindingTest {

    private static ComposeConfig load(String file) {
        return ConfigLoader.load(ConfigFixtures.request(ConfigFixtures.dir("valid/upstream"), file));
    }

    @Test
    void bindsIfConditionsInOrderAndRoutingTargetsGetNoImplicitDependency() {
        WorkflowConfig workflow = load("job-flow-if.yml").workflow(null);
        JobConfig classify = workflow.job("classify-score").orElseThrow();
        JobFlow.If flow = (JobFlow.If) classify.flow();
        assertThat(flow.input()).isEqualTo("${input.score as integer @(description Test score from 0 to 100)}");
        assertThat(flow.conditions()).containsExactly(
                new JobFlow.Condition(ConditionOperator.GTE, 90, "grade-a", null),
                new JobFlow.Condition(ConditionOperator.GTE, 70, "grade-b", null));
        assertThat(flow.otherwise()).isEqualTo("grade-f");
        assertThat(classify.options().routingTargets()).containsExactly("grade-a", "grade-b", "grade-f");
        assertThat(workflow.job("grade-b").orElseThrow().dependsOn()).isEmpty();
        assertThat(workflow.title()).isEqualTo("Conditional Routing with `if` Job");
        assertThat(workflow.description()).startsWith("Routes the workflow");
    }

    @Test
    void bindsSwitchCasesAsStringsAndRandomRoutingsWithWeights() {
        JobFlow.Switch pick = (JobFlow.Switch) load("job-flow-switch.yml").workflow(null).job("pick-language")
                .orElseThrow().flow();
        assertThat(pick.cases()).containsExactly(new JobFlow.Case("ko", "greet-ko"), new JobFlow.Case("en",
                "greet-en"));
        assertThat(pick.otherwise()).isEqualTo("greet-default");

        ComposeConfig random = load("job-flow-random.yml");
        JobFlow.RandomRouter uniform = (JobFlow.RandomRouter) random.workflow("uniform-routing").jobs().get(0).flow();
        assertThat(uniform.weighted()).isFalse();
        assertThat(uniform.routingTargets()).containsExactly("variant-a", "variant-b");
        JobFlow.RandomRouter weighted = (JobFlow.RandomRouter) random.workflow("weighted-routing").jobs().get(0)
                .flow();
        assertThat(weighted.weighted()).isTrue();
        assertThat(weighted.routings()).containsExactly(new JobFlow.Routing("variant-control", 7.0),
                new JobFlow.Routing("variant-canary", 0.0));
    }

    @Test
    void bindsSingularFormsNamesPrivateWorkflowsAndJobOptions() {
        ComposeConfig config = load("job-options.yml");
        WorkflowConfig main = config.workflow("main");
        assertThat(main.name()).isEqualTo("main-tool");
        assertThat(main.isPrivate()).isFalse();
        assertThat(main.jobs()).extracting(JobConfig::id).containsExactly("__job__", "__job_2__", "call", "recover");
        JobConfig first = main.jobs().get(0);
        assertThat(first.options().name()).isEqualTo("First");
        assertThat(first.options().description()).isEqualTo("Says hello three times.");
        assertThat(first.options().repeatCount()).isEqualTo(3);
        assertThat(first.options().maxRunCount()).isEqualTo(2);
        assertThat(first.retry().maxAttemptCount()).isEqualTo(4);
        assertThat(first.options().onError()).isEqualTo(OnError.IGNORE);
        JobConfig second = main.jobs().get(1);
        assertThat(second.dependsOn()).containsExactly(List.of("__job__"));
        assertThat(second.options().repeatCount()).isEqualTo("${input.n}");
        assertThat(second.options().maxRunCount()).isEqualTo(JobOptions.DEFAULT_MAX_RUN_COUNT);
        assertThat(second.options().onError().output()).isEqualTo(Map.of("failed", "${error.message}"));
        assertThat(main.job("call").orElseThrow().options().onError().to()).isEqualTo("recover");
        assertThat(main.job("recover").orElseThrow().dependsOn()).as("an on_error target is a routing target")
                .isEmpty();

        WorkflowConfig helper = config.workflow("helper");
        assertThat(helper.isPrivate()).isTrue();
        ComponentConfig inline = helper.jobs().get(0).component();
        assertThat(inline.inline()).isTrue();
        assertThat(((ShellAction) inline.action(null)).command()).isEqualTo(List.of("echo", "inline"));
    }

    @Test
    void privateWorkflowsAreNotFoundForOutsideCallers() {
        ComposeConfig config = load("job-options.yml");
        assertThat(config.workflow("helper").id()).isEqualTo("helper");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.publicWorkflow("helper"))
                .hasMessage("Workflow 'helper' not found.");
        assertThat(config.publicWorkflow(null).id()).isEqualTo("main");
    }

    @Test
    void bindsFilterForEachDelayAndInlineConditionAndCase() {
        WorkflowConfig workflow = load("filter-for-each-delay.yml").workflow(null);
        JobFlow.Filter keep = (JobFlow.Filter) workflow.job("keep").orElseThrow().flow();
        assertThat(keep.where()).isEqualTo(new Where.All(List.of(
                new Where.Leaf("${item.score}", ConditionOperator.GTE, 50),
                new Where.Any(List.of(
                        new Where.Leaf("${item.name}", ConditionOperator.STARTS_WITH, "a"),
                        new Where.Not(new Where.Leaf("${index}", ConditionOperator.IN, List.of(0, 1))))))));

        JobConfig each = workflow.job("each").orElseThrow();
        JobFlow.ForEach forEach = (JobFlow.ForEach) each.flow();
        assertThat(forEach.batchSize()).isEqualTo(10);
        assertThat(forEach.itemInput()).isEqualTo("${item}");
        assertThat(forEach.itemOutput()).isEqualTo(Map.of("name", "${output}"));
        assertThat(each.component().type()).isEqualTo("shell");
        assertThat(each.component().id()).as("an inline component is keyed by its job").isEqualTo("each");

        JobFlow.Delay pause = (JobFlow.Delay) workflow.job("pause").orElseThrow().flow();
        assertThat(pause.specificTime()).isFalse();
        assertThat(pause.duration()).isEqualTo("2s");
        JobFlow.Delay wake = (JobFlow.Delay) workflow.job("wake").orElseThrow().flow();
        assertThat(DelayTimes.parse((String) wake.time(), wake.timezone()))
                .isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));

        JobFlow.If big = (JobFlow.If) workflow.job("big").orElseThrow().flow();
        assertThat(big.conditions()).containsExactly(new JobFlow.Condition(ConditionOperator.GT, 100, "shout", null));
        JobFlow.Switch lang = (JobFlow.Switch) workflow.job("lang").orElseThrow().flow();
        assertThat(lang.cases()).containsExactly(new JobFlow.Case("en", "shout"));
        assertThat(workflow.job("after").orElseThrow().dependsOn()).as("the job before 'after' is a routing target")
                .containsExactly(List.of("lang"));
        assertThat(workflow.job("shout").orElseThrow().timeout()).isNull();
        assertThat(Duration.ofSeconds(2)).isEqualTo(Durations.parse(pause.duration()));
    }
}
