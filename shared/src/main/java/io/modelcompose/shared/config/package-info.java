/** The model-compose.yml model: immutable records, the loader, merging, environment resolution and validation. */
package io.modelcompose.shared.config;
