/** An in-process Kafka broker for tests: one shared per JVM, or private ones that a test can restart. */
package io.modelcompose.testkit.kafka;
