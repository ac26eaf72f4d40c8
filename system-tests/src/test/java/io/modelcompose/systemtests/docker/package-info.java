/** Tests of the Docker runtime through the CLI against the real engine: up, logs, ps, down, serve runtime-agent. */
package io.modelcompose.systemtests.docker;
