/** Meter names and tag keys of the roles' Micrometer instrumentation (the contract; no Micrometer here). */
package io.modelcompose.shared.metrics;
