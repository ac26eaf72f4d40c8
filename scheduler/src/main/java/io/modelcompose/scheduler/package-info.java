/**
 * The scheduler role. Its public entry is {@link io.modelcompose.scheduler.SchedulerVerticle} with
 * {@link io.modelcompose.scheduler.SchedulerOptions}: leader election, the replayable input log, leases, and
 * publishing run state; the pure engine ({@code engine}) is its own.
 */
package io.modelcompose.scheduler;
