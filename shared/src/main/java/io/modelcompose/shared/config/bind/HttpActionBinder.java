package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.HttpClientAction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binds an http-client action, merging the component's {@code base_url} and {@code headers} in (the action's
 * headers win). Either {@code endpoint} (an absolute URL; the base URL is then dropped) or {@code base_url} with an
 * optional {@code path} must be given.
 */
final class HttpActionBinder {
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private HttpActionBinder() {
    }

    static HttpClientAction bind(Fields fields, Fields component, String id, boolean isDefault, Object output,
            boolean onJob) {
        Object baseUrl = component.template("base_url");
        Object path = fields.template("path");
        Object endpoint = fields.template("endpoint");
        if (endpoint != null && path != null) {
            fields.problem("path", "use either 'endpoint' or 'path', not both");
        } else if (path != null && baseUrl == null) {
            fields.problem("path", "'path' needs 'base_url' on the component");
        } else if (endpoint == null && baseUrl == null) {
            fields.problem("missing 'endpoint' (or 'base_url' with an optional 'path')");
        }
        Object headers = mergeHeaders(component.template("headers"), fields.template("headers"));
        return new HttpClientAction(id, isDefault, output, endpoint == null ? baseUrl : null, path, endpoint,
                method(fields), headers, fields.template("params"), fields.template("body"),
                onJob ? null : fields.duration("timeout"));
    }

    private static Object method(Fields fields) {
        Object method = fields.template("method");
        if (method == null) {
            return "POST";
        }
        if (method instanceof String text && !text.contains("${")) {
            String upper = text.toUpperCase(Locale.ROOT);
            if (!METHODS.contains(upper)) {
                fields.problem("method", "invalid value '" + text + "' (allowed: " + String.join(", ", METHODS) + ")");
            }
            return upper;
        }
        return method;
    }

    @SuppressWarnings("unchecked")
    private static Object mergeHeaders(Object componentHeaders, Object actionHeaders) {
        if (componentHeaders instanceof Map<?, ?> base && actionHeaders instanceof Map<?, ?> own) {
            Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) base);
            merged.putAll((Map<String, Object>) own);
            return Collections.unmodifiableMap(merged);
        }
        return actionHeaders != null ? actionHeaders : componentHeaders;
    }
}
