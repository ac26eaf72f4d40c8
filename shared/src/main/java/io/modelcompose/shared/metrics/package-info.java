/** Meter names, tag keys and the no-op registry shared by the roles' Micrometer instrumentation. */
package io.modelcompose.shared.metrics;
