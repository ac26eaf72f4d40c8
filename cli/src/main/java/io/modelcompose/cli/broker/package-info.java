/** Runs the embedded Kafka broker of {@code compose-cli up} as a child JVM that dies with the CLI. */
package io.modelcompose.cli.broker;
