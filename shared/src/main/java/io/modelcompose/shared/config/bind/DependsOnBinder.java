package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YList;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds {@code depends_on}: a list whose items are job ids (all required) or nested lists (any one of them
 * suffices); a single id is a list of one; {@code []} (or an empty value) starts with the run. Without
 * {@code depends_on} a job depends on the job listed just before it, and the first job starts with the run.
 */
final class DependsOnBinder {
    private DependsOnBinder() {
    }

    /** The groups and the references behind them. */
    record Dependencies(List<List<String>> groups, List<BoundJob.Reference> references) {
    }

    /**
     * @param jobId the job's id
     * @param previousJobId the id of the job listed just before, or null for the first job
     */
    static Dependencies bind(Fields job, String jobId, String previousJobId) {
        String path = job.path("depends_on");
        if (!job.map().has("depends_on")) {
            // a previous job with the same id is a duplicate (reported), not a dependency on itself
            return previousJobId == null || previousJobId.equals(jobId) ? new Dependencies(List.of(), List.of())
                    : new Dependencies(List.of(List.of(previousJobId)),
                            List.of(new BoundJob.Reference(previousJobId, job.location(), path)));
        }
        YNode node = job.node("depends_on");
        Dependencies dependencies = new Dependencies(new ArrayList<>(), new ArrayList<>());
        if (node instanceof YScalar) {
            dependencies.groups().add(ids(List.of(node), path, job, dependencies));
        } else if (node instanceof YList list) {
            for (int i = 0; i < list.items().size(); i++) {
                YNode item = list.items().get(i);
                String itemPath = ConfigPath.index(path, i);
                List<YNode> members = item instanceof YList group ? group.items() : List.of(item);
                if (members.isEmpty()) {
                    job.problems().add(item.location(), itemPath, "an any-of group needs at least one job id");
                } else {
                    dependencies.groups().add(ids(members, itemPath, job, dependencies));
                }
            }
        } else if (node != null) {
            job.problems().wrongType(node, path, "a list of job ids");
        }
        return dependencies;
    }

    private static List<String> ids(List<YNode> members, String path, Fields job, Dependencies dependencies) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            YNode member = members.get(i);
            String memberPath = members.size() == 1 ? path : ConfigPath.index(path, i);
            if (member instanceof YScalar scalar && !scalar.isNull()) {
                ids.add(scalar.text());
                dependencies.references().add(new BoundJob.Reference(scalar.text(), member.location(), memberPath));
            } else {
                job.problems().wrongType(member, memberPath, "a job id");
            }
        }
        return ids;
    }
}
