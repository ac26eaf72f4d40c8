/** The runtime-agent as a Kafka service: commands in, image and container events out, containers watched. */
package io.modelcompose.runtimeagent.service;
