/** Test helpers: a builder for Docker options and the shared Docker fixtures of the integration tests. */
package io.modelcompose.runtimeagent.testing;
