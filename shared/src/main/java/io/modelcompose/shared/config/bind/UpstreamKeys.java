package io.modelcompose.shared.config.bind;

import java.util.Map;

/**
 * Keys of upstream model-compose files that are parsed and accepted but not acted on, with why; each one found gives
 * {@code validate} a warning line instead of failing the file.
 */
final class UpstreamKeys {
    static final Map<String, String> TOP_LEVEL = Map.of(
            "listeners", "listeners (HTTP callbacks into workflows) are not served",
            "listener", "listeners (HTTP callbacks into workflows) are not served",
            "gateways", "gateways (HTTP/SSH tunnels) are not served",
            "gateway", "gateways (HTTP/SSH tunnels) are not served",
            "systems", "systems are not served",
            "system", "systems are not served",
            "tracers", "tracers are not served; metrics are at /metrics",
            "tracer", "tracers are not served; metrics are at /metrics");
    static final Map<String, String> CONTROLLER = Map.of(
            "shutdown_pending_period", "the controller stops accepting runs at once on shutdown");
    static final Map<String, String> HTTP_CLIENT_COMPONENT = Map.of(
            "rate_limit", "requests are not rate-limited; use max_concurrent_count to bound them",
            "stream_format", "responses are read whole (an SSE body becomes a list of events)");
    static final Map<String, String> HTTP_CLIENT_ACTION = Map.of(
            "stream_format", "responses are read whole (an SSE body becomes a list of events)");
    static final Map<String, String> WORKFLOW = Map.of(
            "input", "a workflow's input is the run's input; declare inputs with ${input.x} in the jobs");
    static final Map<String, String> JOB = Map.of(
            "streaming", "results are collected into a list, not streamed");

    private UpstreamKeys() {
    }
}
