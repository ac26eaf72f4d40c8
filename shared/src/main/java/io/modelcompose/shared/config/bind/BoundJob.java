package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.JobConfig;
import io.modelcompose.shared.config.tree.SourceLocation;
import java.util.List;

/**
 * A bound job with what the workflow checks need.
 *
 * @param job the job
 * @param references every job id named in {@code depends_on} (or the implicit previous job)
 * @param dependsOnLocation where {@code depends_on} was written (the job itself when implicit)
 * @param dependsOnPath the config path of {@code depends_on}
 * @param routes every job id the job may route to, with where it was written
 */
record BoundJob(JobConfig job, List<Reference> references, SourceLocation dependsOnLocation, String dependsOnPath,
        List<Reference> routes) {

    /** One job id named as a dependency, with where it was written. */
    record Reference(String id, SourceLocation location, String path) {
    }
}
