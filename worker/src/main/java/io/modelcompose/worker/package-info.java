/**
 * The worker role. Its public entry is {@link io.modelcompose.worker.WorkerVerticle} with
 * {@link io.modelcompose.worker.WorkerOptions}: one consumer group on the jobs topic, heartbeats, results after
 * execution; the component executors ({@code component}) are its own.
 */
package io.modelcompose.worker;
