/** Kafka plumbing of the roles: one KafkaClients per process, topic creation, event producers, consumer loops. */
package io.modelcompose.transport;
