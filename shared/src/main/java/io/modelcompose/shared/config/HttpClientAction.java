package io.modelcompose.shared.config;

import java.time.Duration;

/**
 * An http-client action. Component-level {@code base_url} and {@code headers} are already merged in (the action's own
 * values win). Exactly one of {@code endpoint} or {@code baseUrl}+{@code path} is set (validated at load).
 *
 * @param id action id
 * @param isDefault default action
 * @param output output template (sources {@code response}, {@code status}, {@code headers}, {@code response_time_ms})
 * @param baseUrl base URL template, or null
 * @param path path template joined to the base URL keeping the base's path, or null
 * @param endpoint absolute URL template, or null
 * @param method HTTP method template (POST by default)
 * @param headers header map template (may be null)
 * @param params query parameter map template (may be null)
 * @param body body template; null means the job input is the body
 * @param timeout request timeout, or null for the default (60 s)
 */
public record HttpClientAction(
        String id,
        boolean isDefault,
        Object output,
        Object baseUrl,
        Object path,
        Object endpoint,
        Object method,
        Object headers,
        Object params,
        Object body,
        Duration timeout) implements ActionSpec {
}
