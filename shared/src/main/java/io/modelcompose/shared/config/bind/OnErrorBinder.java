package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.OnError;
import io.modelcompose.shared.config.tree.YMap;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.util.Set;

/** Binds {@code on_error}: {@code ignore}, or {@code {output, to}}. */
final class OnErrorBinder {
    private OnErrorBinder() {
    }

    static OnError bind(Fields job) {
        YNode node = job.node("on_error");
        if (node == null) {
            return null;
        }
        if (node instanceof YScalar scalar) {
            if (!scalar.text().equalsIgnoreCase("ignore")) {
                job.problem("on_error", "expected 'ignore' or a mapping with 'output' or 'to', got " + node.describe());
                return null;
            }
            return OnError.IGNORE;
        }
        if (!(node instanceof YMap)) {
            job.problems().wrongType(node, job.path("on_error"), "'ignore' or a mapping with 'output' or 'to'");
            return null;
        }
        Fields onError = Fields.of(node, job.path("on_error"), job.problems());
        onError.allowOnly(Set.of("output", "to"));
        return new OnError(onError.template("output"), onError.string("to"));
    }
}
