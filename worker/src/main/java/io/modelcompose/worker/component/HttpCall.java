package io.modelcompose.worker.component;

import io.modelcompose.shared.config.HttpClientAction;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Values;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rendered HTTP request: URL, method, headers, query parameters and body bytes.
 *
 * @param method HTTP method
 * @param url absolute URL
 * @param headers request headers (names case-insensitive)
 * @param params query parameters (null values dropped)
 * @param body body bytes, or null for none
 */
record HttpCall(HttpMethod method, String url, Map<String, String> headers, Map<String, String> params, Buffer body) {

    /**
     * Renders an action. Without a {@code body} template the job input is the body; when that input is an object
     * with a {@code body} key, that value is the body and its {@code headers} / {@code params} keys merge in.
     */
    static HttpCall prepare(HttpClientAction action, Object input, Scope scope) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(stringMap(HttpClientExecutor.render(action.headers(), scope)));
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

    /** The URL with the query parameters appended (percent-encoded, after any query the URL already has). */
    String uri() {
        if (params.isEmpty()) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? '?' : '&') + formEncode(params);
    }

    private static String formEncode(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, value) -> text.append(text.length() == 0 ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return text.toString();
    }

    /** {@code METHOD url} for messages (without the query string, which may carry secrets). */
    String describe() {
        return method + " " + url;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String url(HttpClientAction action, Scope scope) {
        Object endpoint = HttpClientExecutor.render(action.endpoint(), scope);
        String url;
        if (endpoint != null) {
            url = Values.toText(endpoint).trim();
        } else {
            String base = Values.toText(HttpClientExecutor.render(action.baseUrl(), scope)).trim();
            String path = Values.toText(HttpClientExecutor.render(action.path(), scope)).trim();
            url = joinUrl(base, path);
        }
        String scheme = url.toLowerCase(Locale.ROOT);
        if (!scheme.startsWith("http://") && !scheme.startsWith("https://")) {
            throw new ComposeException(ErrorCode.COMPONENT_FAILED, "http-client URL '" + url
                    + "' is not absolute: set endpoint to http(s)://... or base_url plus path");
        }
        return url;
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
        String contentType = headers.get("Content-Type");
        if (contentType == null) {
            headers.put("Content-Type", "application/json");
            return Buffer.buffer(Values.toJson(body));
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return Buffer.buffer(Values.toJson(body));
        }
        if (type.startsWith("application/x-www-form-urlencoded") && body instanceof Map<?, ?> fields) {
            return Buffer.buffer(formEncode(stringMap(fields)));
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
