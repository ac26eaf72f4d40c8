/** {@code compose-cli verify}: a chaos run against the set as processes, and the pure analysis of its ledger. */
package io.modelcompose.cli.verify;
