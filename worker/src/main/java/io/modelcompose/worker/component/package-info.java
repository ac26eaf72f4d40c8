/** Component executors (http-client, shell, logger) and the runner that renders their templates. */
package io.modelcompose.worker.component;
