package io.modelcompose.runtimeagent.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.AuthConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials from the {@code auths} section of the Docker CLI's {@code config.json}
 * ({@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}), as written by {@code docker login}.
 * Credential helpers ({@code credsStore}) are not consulted.
 */
public final class RegistryAuths {
    private static final String DOCKER_HUB = "https://index.docker.io/v1/";
    private final JsonNode auths;

    private RegistryAuths(JsonNode auths) {
        this.auths = auths;
    }

    /** The credentials of the current user; none when the file is missing or unreadable. */
    public static RegistryAuths fromEnvironment() {
        String configDir = System.getenv("DOCKER_CONFIG");
        Path dir = configDir != null ? Path.of(configDir) : Path.of(System.getProperty("user.home"), ".docker");
        return load(dir.resolve("config.json"));
    }

    /** Reads {@code configJson}; a missing or broken file gives no credentials. */
    public static RegistryAuths load(Path configJson) {
        if (!Files.isRegularFile(configJson)) {
            return new RegistryAuths(null);
        }
        try {
            return new RegistryAuths(new ObjectMapper().readTree(configJson.toFile()).path("auths"));
        } catch (IOException e) {
            return new RegistryAuths(null);
        }
    }

    /** The credentials for {@code registryHost} ({@code docker.io} for Docker Hub), if any. */
    public Optional<AuthConfig> forRegistry(String registryHost) {
        if (auths == null || !auths.isObject()) {
            return Optional.empty();
        }
        String wanted = normalise(registryHost);
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (normalise(entry.getKey()).equals(wanted)) {
                return Optional.of(toAuthConfig(entry.getKey(), entry.getValue()));
            }
        }
        return Optional.empty();
    }

    private static AuthConfig toAuthConfig(String address, JsonNode node) {
        AuthConfig auth = new AuthConfig().withRegistryAddress(isHub(normalise(address)) ? DOCKER_HUB : address);
        String encoded = node.path("auth").asText("");
        if (!encoded.isEmpty()) {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                auth.withUsername(decoded.substring(0, colon)).withPassword(decoded.substring(colon + 1));
            }
        }
        if (node.hasNonNull("username")) {
            auth.withUsername(node.get("username").asText());
        }
        if (node.hasNonNull("password")) {
            auth.withPassword(node.get("password").asText());
        }
        if (node.hasNonNull("identitytoken")) {
            auth.withIdentityToken(node.get("identitytoken").asText());
        }
        return auth;
    }

    /** {@code https://my-registry.com/v1/} → {@code my-registry.com}; every Docker Hub alias → {@code docker.io}. */
    static String normalise(String address) {
        String host = address.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
        int slash = host.indexOf('/');
        host = slash < 0 ? host : host.substring(0, slash);
        return isHub(host) ? "docker.io" : host;
    }

    private static boolean isHub(String host) {
        return host.equals("docker.io") || host.equals("index.docker.io") || host.equals("registry-1.docker.io");
    }
}
