/** Streamed job output on its way to HTTP callers: the chunks of running runs, kept per run and replayed to attachers. */
package io.modelcompose.gateway.stream;
