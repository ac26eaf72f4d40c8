/** The job-graph state machine: pure logic, no I/O, an injected clock; transports feed it events and carry out its commands. */
package io.modelcompose.scheduler.engine;
