package io.modelcompose.scheduler;

/**
 * The one thread that owns the coordinator: callbacks from producer and consumer threads come back through it.
 * A Vert.x context in the service, the calling thread in unit tests.
 */
interface SchedulerContext {
    /** Runs {@code task} on the owning thread. */
    void run(Runnable task);

    /** Runs {@code task} on the owning thread after {@code delayMillis}. */
    void later(long delayMillis, Runnable task);
}
