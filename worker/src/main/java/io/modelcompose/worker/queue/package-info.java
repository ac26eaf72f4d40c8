/** The worker's side of {@code controller.queue}: runs published to another set's topics and their outcomes. */
package io.modelcompose.worker.queue;
