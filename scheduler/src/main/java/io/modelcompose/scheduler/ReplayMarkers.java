package io.modelcompose.scheduler;

import io.modelcompose.shared.event.SchedulerEvents.ReplayMarker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/** The markers an activation writes: one per partition, each with a key the default partitioner sends there. */
final class ReplayMarkers {
    /** Keys tried per partition before giving up; a random key hits one of n partitions with probability 1/n. */
    private static final int TRIES_PER_PARTITION = 1_000;

    private ReplayMarkers() {
    }

    static List<ReplayMarker> forPartitions(String activation, int partitionCount) {
        ReplayMarker[] found = new ReplayMarker[partitionCount];
        int missing = partitionCount;
        for (int i = 0; missing > 0 && i < TRIES_PER_PARTITION * partitionCount; i++) {
            String key = "replay-" + activation + "-" + i;
            int partition = partitionOf(key, partitionCount);
            if (found[partition] == null) {
                found[partition] = new ReplayMarker(1, key, activation, partition);
                missing--;
            }
        }
        if (missing > 0) {
            throw new IllegalStateException("no marker key found for " + missing + " of " + partitionCount
                    + " partitions");
        }
        return new ArrayList<>(List.of(found));
    }

    /** What the producer's default partitioner does with a keyed record. */
    static int partitionOf(String key, int partitionCount) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }
}
