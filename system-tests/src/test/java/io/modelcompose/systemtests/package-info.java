/** End-to-end tests of the service set on Kafka: HTTP API, external producers, failover, limits, dead letters. */
package io.modelcompose.systemtests;
