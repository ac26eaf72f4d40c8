/** The HTTP gateway: a thin verticle over a {@link io.modelcompose.gateway.run.RunBackend} that starts and tracks runs. */
package io.modelcompose.gateway;
