/** The worker as a Kafka service: one consumer group on the jobs topic, heartbeats, results after execution. */
package io.modelcompose.worker.service;
