/** Routes, request parsing, JSON replies and the error mapping of the gateway's HTTP API. */
package io.modelcompose.gateway.http;
