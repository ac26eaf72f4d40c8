/** Internal: the parsed YAML tree with source locations, config paths and the problem collector. */
package io.modelcompose.shared.config.tree;
