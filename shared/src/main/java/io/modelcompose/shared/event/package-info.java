/** Events exchanged over Kafka: records under sealed interfaces, topic names and the JSON codec. */
package io.modelcompose.shared.event;
