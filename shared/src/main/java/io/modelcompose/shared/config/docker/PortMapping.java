package io.modelcompose.shared.config.docker;

/**
 * One published port: {@code "5000:8080"}, {@code 8081}, {@code "127.0.0.1:5000:8080"}, {@code "5000:8080/udp"} or
 * {@code {target, published, protocol, mode}}.
 *
 * @param hostIp host address to bind, or null for all
 * @param published host port, or null for a random port
 * @param target container port
 * @param protocol tcp or udp
 * @param mode host or ingress (swarm only; kept for compatibility)
 */
public record PortMapping(String hostIp, Integer published, int target, String protocol, String mode) {
}
