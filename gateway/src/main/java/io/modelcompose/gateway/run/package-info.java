/** The gateway's port to where runs go: {@link io.modelcompose.gateway.run.RunBackend} and what it is given. */
package io.modelcompose.gateway.run;
