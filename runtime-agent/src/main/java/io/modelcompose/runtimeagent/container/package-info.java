/** Container specs mapped from the Docker options, and the container lifecycle (create, start, wait, logs, stop). */
package io.modelcompose.runtimeagent.container;
