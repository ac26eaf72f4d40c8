/** {@code runtime: docker} in the CLI: up (foreground or detached), down, and {@code serve runtime-agent}. */
package io.modelcompose.cli.docker;
