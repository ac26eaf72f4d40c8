/** The gateway's backend over Kafka: run requests out, run state in from the compacted run-state topic. */
package io.modelcompose.gateway.kafka;
