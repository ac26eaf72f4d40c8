package io.modelcompose.gateway.http;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ControllerConfig;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's optional API token. Configured by {@code controller.api_token} (usually
 * {@code api_token: ${env.MY_TOKEN}}) or, when that is absent, by the environment variable {@code COMPOSE_API_TOKEN}.
 * When set, every route but {@code /health} and {@code /readiness} requires {@code Authorization: Bearer <token>};
 * other callers get 401 with a {@code detail}. Tokens are compared in constant time (digests of equal length).
 * Other front ends (the web UI) use {@link #of(ComposeConfig)} and {@link #accepts(String)} so that there is one
 * rule.
 */
public final class ApiTokenAuth implements Handler<RoutingContext> {
    /** The environment variable that sets the token when the config does not. */
    public static final String ENV_VARIABLE = "COMPOSE_API_TOKEN";
    private static final String BEARER = "Bearer ";
    private static final Set<String> OPEN_ROUTES = Set.of("/health", "/readiness");

    private final byte[] expectedDigest;
    private final String basePath;

    private ApiTokenAuth(String token, String basePath) {
        this.expectedDigest = token == null ? null : digest(token);
        this.basePath = basePath;
    }

    /** The token rule of a deployment: the config's token, else {@code COMPOSE_API_TOKEN} of its environment. */
    public static ApiTokenAuth of(ComposeConfig config) {
        return new ApiTokenAuth(tokenOf(config), ApiRouter.basePathOf(config));
    }

    /** True when a token is required. */
    public boolean enabled() {
        return expectedDigest != null;
    }

    /** True when no token is required, or {@code authorization} is {@code Bearer <the token>}. */
    public boolean accepts(String authorization) {
        if (expectedDigest == null) {
            return true;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(expectedDigest, digest(authorization.substring(BEARER.length()).strip()));
    }

    @Override
    public void handle(RoutingContext rc) {
        if (!enabled() || isOpen(rc.normalizedPath()) || accepts(rc.request().getHeader(HttpHeaders.AUTHORIZATION))) {
            rc.next();
            return;
        }
        rc.response().putHeader("WWW-Authenticate", "Bearer");
        Replies.detail(rc, 401, "Missing or wrong API token: send 'Authorization: Bearer <token>'.");
    }

    /**
     * A warning when the gateway would listen beyond loopback without a token (anyone who reaches the port could
     * run workflows), else empty.
     */
    public Optional<String> exposureWarning(String host) {
        if (enabled() || isLoopback(host)) {
            return Optional.empty();
        }
        return Optional.of("the gateway listens on " + host + " without an API token: anyone who reaches it can run "
                + "workflows; set controller.api_token or " + ENV_VARIABLE);
    }

    private boolean isOpen(String path) {
        String route = !basePath.isEmpty() && path.startsWith(basePath + "/") ? path.substring(basePath.length()) : path;
        return OPEN_ROUTES.contains(route);
    }

    private static String tokenOf(ComposeConfig config) {
        ControllerConfig controller = config.controller();
        String configured = controller == null ? null : controller.apiToken();
        String token = configured != null ? configured : config.env().get(ENV_VARIABLE);
        return token == null || token.isBlank() ? null : token.strip();
    }

    /** By the text alone (no name lookup on the event loop): localhost, 127.x.y.z, ::1. */
    private static boolean isLoopback(String host) {
        if (host == null || host.isBlank()) {
            return true;
        }
        String bare = host.strip().replace("[", "").replace("]", "");
        return bare.equalsIgnoreCase("localhost") || bare.startsWith("127.") || bare.equals("::1")
                || bare.equals("0:0:0:0:0:0:0:1");
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
