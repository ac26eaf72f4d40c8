/** The compose-cli command line: picocli commands, exit codes, and the assembly of the roles. */
package io.modelcompose.cli;
