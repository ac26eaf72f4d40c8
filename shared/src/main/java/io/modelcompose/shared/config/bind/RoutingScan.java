package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the routing targets a job names ({@code if_true}, {@code if_false}, {@code otherwise}, {@code then},
 * {@code to}, {@code on_error.to}) in its YAML, before or after binding: a workflow needs them all up front, since a
 * routing target gets no implicit dependency on the job listed before it.
 */
final class RoutingScan {
    private static final List<String> ROUTE_KEYS = List.of("if_true", "if_false", "otherwise", "then", "to");
    private static final List<String> ROUTE_LISTS = List.of("conditions", "cases", "routings");

    private RoutingScan() {
    }

    /** The ids every job of {@code jobs} may route to. */
    static Set<String> targets(YList jobs) {
        Set<String> targets = new HashSet<>();
        for (YNode item : jobs.items()) {
            if (item instanceof YMap job) {
                scan(job, "", targets, null);
            }
        }
        return targets;
    }

    /** The routing targets of one job with where they are written. */
    static List<BoundJob.Reference> references(Fields job) {
        List<BoundJob.Reference> references = new ArrayList<>();
        scan(job.map(), job.path(), new HashSet<>(), references);
        return references;
    }

    private static void scan(YMap job, String path, Set<String> ids, List<BoundJob.Reference> references) {
        String type = job.text("type");
        boolean routing = "if".equals(type) || "switch".equals(type) || "random-router".equals(type);
        if (routing) {
            collect(job, path, ids, references);
            for (String list : ROUTE_LISTS) {
                if (job.get(list) instanceof YList items) {
                    for (int i = 0; i < items.items().size(); i++) {
                        if (items.items().get(i) instanceof YMap entry) {
                            collect(entry, ConfigPath.index(ConfigPath.child(path, list), i), ids, references);
                        }
                    }
                }
            }
        }
        if (job.get("on_error") instanceof YMap onError && onError.get("to") instanceof YScalar to && !to.isNull()) {
            add(to, ConfigPath.child(ConfigPath.child(path, "on_error"), "to"), ids, references);
        }
    }

    private static void collect(YMap map, String path, Set<String> ids, List<BoundJob.Reference> references) {
        for (String key : ROUTE_KEYS) {
            if (map.get(key) instanceof YScalar target && !target.isNull()) {
                add(target, ConfigPath.child(path, key), ids, references);
            }
        }
    }

    private static void add(YScalar target, String path, Set<String> ids, List<BoundJob.Reference> references) {
        if (target.text().contains("${")) {
            return;
        }
        ids.add(target.text());
        if (references != null) {
            references.add(new BoundJob.Reference(target.text(), target.location(), path));
        }
    }
}
