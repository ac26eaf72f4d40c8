/** The scheduler as a Kafka service: leader election, the replayable input log, leases, and publishing run state. */
package io.modelcompose.scheduler.service;
