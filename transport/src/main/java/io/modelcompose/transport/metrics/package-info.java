/** The no-op registry of the roles' Micrometer instrumentation (meter names are in shared's metrics package). */
package io.modelcompose.transport.metrics;
