/** Deploying the service set: the embedded broker, the roles as verticles, the detached process and its state files. */
package io.modelcompose.cli.up;
