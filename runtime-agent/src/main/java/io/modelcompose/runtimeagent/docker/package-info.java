/** docker-java plumbing: the client, the bounded executor every engine call runs on, and engine error text. */
package io.modelcompose.runtimeagent.docker;
