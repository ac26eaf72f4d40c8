/** Integration tests of the service set on Kafka: HTTP API, external producers, failover, limits, dead letters. */
package io.modelcompose.cli.it;
