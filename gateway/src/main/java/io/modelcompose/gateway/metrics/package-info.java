/** The gateway's metrics: Prometheus text at {@code GET /metrics} and the gateway's own meters. */
package io.modelcompose.gateway.metrics;
