package io.modelcompose.gateway.stream;

import io.vertx.core.Future;

/**
 * Says when the book has read every chunk of a run written so far. A run's end comes by another way than its chunks
 * (the run-state topic), so before a stream's last event the gateway lets its chunk reader catch up.
 */
@FunctionalInterface
public interface ChunkBarrier {

    /** Completes once every chunk of {@code runId} written before the call has reached the book (or after a bound). */
    Future<Void> caughtUp(String runId);

    /** The book is fed synchronously: nothing to wait for. */
    static ChunkBarrier none() {
        return runId -> Future.succeededFuture();
    }
}
