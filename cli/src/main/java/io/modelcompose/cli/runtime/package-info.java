/** The seam between the commands and where the service set runs: native or Docker, chosen once per command. */
package io.modelcompose.cli.runtime;
