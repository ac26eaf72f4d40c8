/** A single-node KRaft Kafka broker on loopback, run in-process ({@code KafkaNode}) or as a child JVM ({@code BrokerMain}). */
package io.modelcompose.broker;
