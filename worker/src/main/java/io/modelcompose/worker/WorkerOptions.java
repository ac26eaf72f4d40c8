package io.modelcompose.worker;

import io.modelcompose.transport.KafkaSettings;
import java.nio.file.Path;

/**
 * Settings of a worker instance.
 *
 * @param kafka how to reach Kafka and the topic names
 * @param projectDir the project folder (working directory of shell components)
 * @param maxConcurrentJobs jobs this worker runs at once; beyond that its partitions are paused
 * @param maxProcesses threads of the bounded executor that runs shell processes
 * @param heartbeatMillis how often leases of running jobs are extended (a third of the scheduler's lease)
 */
public record WorkerOptions(KafkaSettings kafka, Path projectDir, int maxConcurrentJobs, int maxProcesses,
        long heartbeatMillis) {

    public static WorkerOptions defaults(KafkaSettings kafka, Path projectDir) {
        return new WorkerOptions(kafka, projectDir, 256, 32, 3_000);
    }
}
