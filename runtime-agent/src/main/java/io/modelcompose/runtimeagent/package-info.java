/**
 * The runtime-agent: builds or pulls images and runs the service set in Docker containers (SPEC section 7). Its
 * public entry is {@link io.modelcompose.runtimeagent.RuntimeAgentVerticle} with
 * {@link io.modelcompose.runtimeagent.AgentOptions}: commands in, image and container events out, containers
 * watched; the Docker layer ({@code docker}, {@code image}, {@code container}) is its own.
 */
package io.modelcompose.runtimeagent;
