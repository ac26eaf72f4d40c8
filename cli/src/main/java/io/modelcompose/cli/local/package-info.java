/** The in-memory transport: the scheduler's engine and the worker's executors wired together without Kafka or HTTP. */
package io.modelcompose.cli.local;
