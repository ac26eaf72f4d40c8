/** The worker role: executes component actions for dispatched jobs and reports their results. */
package io.modelcompose.worker;
