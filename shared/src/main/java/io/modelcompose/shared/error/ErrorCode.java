package io.modelcompose.shared.error;

/** Every kind of failure the product reports; the edges (HTTP, CLI) map these to statuses and exit codes. */
public enum ErrorCode {
    /** The configuration files are invalid (syntax, schema, references, environment). */
    CONFIG_INVALID,
    /** The command line or a request argument is malformed. */
    BAD_REQUEST,
    /** A workflow, task or component that was named does not exist. */
    NOT_FOUND,
    /** The operation conflicts with the current state (e.g. cancelling a finished run). */
    CONFLICT,
    /** The request is well-formed but contradicts an earlier one (an {@code Idempotency-Key} reused with another body). */
    UNPROCESSABLE,
    /** A request body exceeds the configured limit. */
    PAYLOAD_TOO_LARGE,
    /** The controller's run queue is full. */
    QUEUE_FULL,
    /** The service is shutting down or a dependency is unreachable. */
    UNAVAILABLE,
    /** An expression could not be parsed or evaluated. */
    EXPRESSION,
    /** A component failed while executing a job. */
    COMPONENT_FAILED,
    /** A job or run exceeded its time limit. */
    TIMEOUT,
    /** The run was cancelled. */
    CANCELLED,
    /** The Docker engine refused or failed an operation. */
    RUNTIME_FAILED,
    /** A bug or an unexpected condition. */
    INTERNAL
}
