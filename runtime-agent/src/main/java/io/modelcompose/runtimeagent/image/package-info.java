/** The image flow: use a local image, pull, or build (a user context or the generated {@code .docker/} context). */
package io.modelcompose.runtimeagent.image;
