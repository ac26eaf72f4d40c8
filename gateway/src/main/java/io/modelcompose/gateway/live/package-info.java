/** What the gateway sees of the set as it runs: run changes, each run's job attempts, the live workers. */
package io.modelcompose.gateway.live;
