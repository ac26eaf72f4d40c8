/** Internal: finding, reading and merging config files, and resolving {@code ${env.*}} on the parsed tree. */
package io.modelcompose.shared.config.load;
