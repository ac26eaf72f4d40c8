/** The process's meter registry (Prometheus, JVM and Vert.x metrics) and the small metrics port of {@code serve}. */
package io.modelcompose.cli.metrics;
