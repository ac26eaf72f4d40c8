/** Internal: binds the resolved YAML tree to the config records, collecting every problem. */
package io.modelcompose.shared.config.bind;
