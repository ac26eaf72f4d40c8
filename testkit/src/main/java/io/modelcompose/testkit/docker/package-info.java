/** Docker test support: the locally built images (no registry needed) and the Docker-or-skip JUnit extension. */
package io.modelcompose.testkit.docker;
