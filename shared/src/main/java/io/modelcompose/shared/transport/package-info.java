/** Kafka plumbing shared by the roles: topic creation, an event producer, and a consumer loop with dead-lettering. */
package io.modelcompose.shared.transport;
