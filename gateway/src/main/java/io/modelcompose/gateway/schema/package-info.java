/** Workflow schemas for {@code GET /workflows/{id}/schema}: input and output variables read from the templates. */
package io.modelcompose.gateway.schema;
