/** The runtime-agent: builds or pulls images and runs the service set in Docker containers (SPEC section 7). */
package io.modelcompose.runtimeagent;
