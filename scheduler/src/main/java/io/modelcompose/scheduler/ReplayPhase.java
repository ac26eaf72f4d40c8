package io.modelcompose.scheduler;

import io.modelcompose.shared.event.SchedulerEvents.ReplayMarker;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Where a newly active scheduler is in rebuilding its state. It has written a {@link ReplayMarker} into every partition
 * of the runs topic; each marker it reads back means it has read every record its predecessor wrote to that
 * partition. Once all are back it has seen every decision its predecessor made, and decides live. Used on the
 * scheduler's own thread only.
 */
final class ReplayPhase {
    private final String activation;
    private final Set<Integer> awaiting = new HashSet<>();
    private boolean markersWritten;
    private boolean live;

    ReplayPhase(String activation) {
        this.activation = activation;
    }

    /** The activation id: written into markers and decisions, so this scheduler knows its own. */
    String activation() {
        return activation;
    }

    /** Markers are being written into {@code partitions}; the replay ends when all are read back. */
    void markersWritten(Collection<Integer> partitions) {
        awaiting.addAll(partitions);
        markersWritten = true;
    }

    /** A marker was read; true when it was the last one of this activation (the replay is over). */
    boolean markerRead(ReplayMarker marker) {
        if (live || !activation.equals(marker.scheduler())) {
            return false;
        }
        awaiting.remove(marker.partition());
        live = markersWritten && awaiting.isEmpty();
        return live;
    }

    boolean isLive() {
        return live;
    }

    /** True when {@code scheduler} (of a decision record) is this activation. */
    boolean isOwn(String scheduler) {
        return activation.equals(scheduler);
    }
}
