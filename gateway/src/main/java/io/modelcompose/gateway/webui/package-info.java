/** The web UI of {@code controller.webui}: the built-in page, its live task stream, run timelines, the cluster. */
package io.modelcompose.gateway.webui;
