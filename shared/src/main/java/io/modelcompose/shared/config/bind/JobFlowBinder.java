package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.ComponentConfig;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.JobFlow;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Binds the job types other than {@code component}: if, switch, random-router, filter, for-each, delay. */
final class JobFlowBinder {
    private static final Set<String> CONDITION_KEYS = Set.of("operator", "value", "if_true", "if_false");
    private static final Set<String> CASE_KEYS = Set.of("value", "then");

    private JobFlowBinder() {
    }

    /**
     * What a job of this type does, the keys it may carry besides the common ones, and the component and action it
     * runs (for-each only; null and {@code __default__} otherwise).
     */
    record Bound(JobFlow flow, Set<String> keys, ComponentConfig component, String action) {
        Bound(JobFlow flow, Set<String> keys) {
            this(flow, keys, null, ComposeConfig.DEFAULT_ID);
        }
    }

    static Bound bind(String type, Fields job, String jobId, BindContext context) {
        return switch (type) {
            case "if" -> ifJob(job);
            case "switch" -> switchJob(job);
            case "random-router" -> new Bound(RandomRouterBinder.bind(job), Set.of("mode", "routings"));
            case "filter" -> filter(job);
            case "for-each" -> ForEachBinder.bind(job, jobId, context);
            default -> new Bound(DelayBinder.bind(job), Set.of("mode", "duration", "time", "timezone", "output"));
        };
    }

    private static Bound ifJob(Fields job) {
        Set<String> keys = new LinkedHashSet<>(Set.of("input", "conditions", "otherwise"));
        keys.addAll(CONDITION_KEYS);
        List<JobFlow.Condition> conditions = new ArrayList<>();
        YList list = job.list("conditions");
        if (list != null) {
            for (Fields condition : items(list, job.path("conditions"), job)) {
                condition.allowOnly(CONDITION_KEYS);
                conditions.add(condition(condition));
            }
        } else if (!job.map().has("conditions") && CONDITION_KEYS.stream().anyMatch(job.map()::has)) {
            conditions.add(condition(job));
        }
        if (!written(job, list, CONDITION_KEYS)) {
            job.problem(job.has("conditions") ? "conditions" : null, "an 'if' job needs 'conditions' (or one inline "
                    + "condition: operator, value, if_true, if_false)");
        }
        return new Bound(new JobFlow.If(job.template("input"), conditions, job.string("otherwise")), keys);
    }

    private static JobFlow.Condition condition(Fields condition) {
        return new JobFlow.Condition(WhereBinder.operator(condition), condition.template("value"),
                condition.string("if_true"), condition.string("if_false"));
    }

    private static Bound switchJob(Fields job) {
        Set<String> keys = new LinkedHashSet<>(Set.of("input", "cases", "otherwise"));
        keys.addAll(CASE_KEYS);
        List<JobFlow.Case> cases = new ArrayList<>();
        YList list = job.list("cases");
        if (list != null) {
            for (Fields entry : items(list, job.path("cases"), job)) {
                entry.allowOnly(CASE_KEYS);
                addCase(entry, cases);
            }
        } else if (!job.map().has("cases") && CASE_KEYS.stream().anyMatch(job.map()::has)) {
            addCase(job, cases);
        }
        if (!written(job, list, CASE_KEYS)) {
            job.problem(job.has("cases") ? "cases" : null, "a 'switch' job needs 'cases' (or one inline case: value, "
                    + "then)");
        }
        return new Bound(new JobFlow.Switch(job.template("input"), cases, job.string("otherwise")), keys);
    }

    private static void addCase(Fields entry, List<JobFlow.Case> cases) {
        entry.requireKey("value", "");
        entry.requireKey("then", " (the job to route to)");
        YNode value = entry.node("value");
        if (value != null && !(value instanceof YScalar scalar && scalar.value() instanceof String)) {
            entry.problem("value", "a case value must be a string, got " + value.describe()
                    + " (write it in quotes, as upstream requires)");
            return;
        }
        String then = entry.string("then");
        if (value != null && then != null) {
            cases.add(new JobFlow.Case(((YScalar) value).text(), then));
        }
    }

    private static Bound filter(Fields job) {
        job.requireKey("input", " (the list to filter)");
        var where = job.has("where") ? WhereBinder.bind(job.node("where"), job.path("where"), job) : null;
        return new Bound(new JobFlow.Filter(job.template("input"), where), Set.of("input", "where", "output"));
    }

    /** True when the job has a non-empty list, or no list and at least one inline key. */
    private static boolean written(Fields job, YList list, Set<String> inlineKeys) {
        if (list != null) {
            return list != null && !list.items().isEmpty();
        }
        return inlineKeys.stream().anyMatch(job.map()::has);
    }

    /** The mappings of {@code list}; an item that is not a mapping is reported and skipped. */
    static List<Fields> items(YList list, String path, Fields owner) {
        List<Fields> items = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            String itemPath = ConfigPath.index(path, i);
            if (item instanceof io.modelcompose.shared.config.tree.YMap) {
                items.add(Fields.of(item, itemPath, owner.problems()));
            } else {
                owner.problems().wrongType(item, itemPath, "a mapping");
            }
        }
        return items;
    }
}
