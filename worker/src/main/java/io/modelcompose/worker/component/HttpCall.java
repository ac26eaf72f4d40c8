package io.modelcompose.worker.component;

import io.modelcompose.shared.config.HttpClientAction;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Values;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A rendered HTTP request: URL, method, headers, query parameters and body bytes.
 *
 * @param method HTTP method
 * @param url absolute URL
 * @param headers request headers
 * @param params query parameters (null values dropped)
 * @param body body bytes, or null for none
 */
record HttpCall(HttpMethod method, String url, Map<String, String> headers, Map<String, String> params, Buffer body) {

    /**
     * Renders an action. Without a {@code body} template the job input is the body; when that input is an object
     * with a {@code body} key, that value is the body and its {@code headers} / {@code params} keys merge in.
     */
    static HttpCall prepare(HttpClientAction action, Object input, Scope scope) {
        Map<String, String> headers = stringMap(HttpClientExecutor.render(action.headers(), scope));
        Map<String, String> params = stringMap(HttpClientExecutor.render(action.params(), scope));
        HttpMethod method = HttpClientExecutor.method(HttpClientExecutor.render(action.method(), scope));
        Object body;
        if (action.body() != null) {
            body = HttpClientExecutor.render(action.body(), scope);
        } else if (input instanceof Map<?, ?> map && map.containsKey("body")) {
            body = map.get("body");
            headers.putAll(stringMap(map.get("headers")));
            params.putAll(stringMap(map.get("params")));
        } else {
            body = method == HttpMethod.GET || method == HttpMethod.HEAD ? null : input;
        }
        return new HttpCall(method, url(action, scope), headers, params, encode(body, headers));
    }

    static String url(HttpClientAction action, Scope scope) {
        Object endpoint = HttpClientExecutor.render(action.endpoint(), scope);
        if (endpoint != null) {
            return Values.toText(endpoint);
        }
        String base = Values.toText(HttpClientExecutor.render(action.baseUrl(), scope));
        String path = Values.toText(HttpClientExecutor.render(action.path(), scope));
        return joinUrl(base, path);
    }

    /** {@code https://h/v1} + {@code /chat} gives {@code https://h/v1/chat}: the base's path is kept. */
    static String joinUrl(String base, String path) {
        if (path == null || path.isEmpty()) {
            return base;
        }
        String left = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        String right = path.startsWith("/") ? path : "/" + path;
        return left + right;
    }

    private static Buffer encode(Object body, Map<String, String> headers) {
        if (body == null) {
            return null;
        }
        String contentType = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (contentType == null) {
            headers.put("Content-Type", "application/json");
            return Buffer.buffer(Values.toJson(body));
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return Buffer.buffer(Values.toJson(body));
        }
        return Buffer.buffer(Values.toText(body));
    }

    private static Map<String, String> stringMap(Object rendered) {
        Map<String, String> map = new LinkedHashMap<>();
        if (rendered instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v != null) {
                    map.put(String.valueOf(k), Values.toText(v));
                }
            });
        }
        return map;
    }
}
