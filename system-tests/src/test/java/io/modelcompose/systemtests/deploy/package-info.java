/** The service image (Dockerfile) built and run as the deployment files run it. */
package io.modelcompose.systemtests.deploy;
