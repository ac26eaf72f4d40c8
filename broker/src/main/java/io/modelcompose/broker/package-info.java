/** A single-node KRaft Kafka broker on loopback: run in-process ({@link io.modelcompose.broker.KafkaNode}) or as a child JVM ({@link io.modelcompose.broker.BrokerMain}). */
package io.modelcompose.broker;
