package io.modelcompose.cli.up;

import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ControllerConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Objects;

/**
 * Tries the ports {@code up} will listen on before anything starts (no broker, no roles), so that a taken port is
 * one clear line naming it and, when it can be known, the process that holds it.
 */
public final class PortCheck {
    private PortCheck() {
    }

    /**
     * Fails when the controller's port cannot be bound on its host.
     *
     * @throws ComposeException {@link ErrorCode#CONFIG_INVALID} (exit 2) naming the port, where it is configured and
     *     its holder
     */
    public static void controllerPortFree(ComposeConfig config) {
        ControllerConfig controller = config.controller();
        String host = Objects.requireNonNullElse(controller.host(), ControllerConfig.DEFAULT_HOST);
        String where = controller.location() == null ? "" : controller.location() + ": ";
        ensureFree(host, controller.port(), where + "controller.port", PortHolders.ofThisHost());
    }

    static void ensureFree(String host, int port, String what, PortHolders holders) {
        if (port <= 0) {
            return; // an ephemeral port is always found
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            boolean inUse = reason.toLowerCase(Locale.ROOT).contains("in use");
            String holder = holders.holderOf(port).map(h -> ", held by " + h)
                    .orElse(inUse ? ", held by a process this user cannot inspect" : "");
            throw new ComposeException(ErrorCode.CONFIG_INVALID, what + ": cannot listen on " + host + ":" + port
                    + " (" + reason + holder + ")" + (inUse ? "; stop that process or choose another port"
                    + " (the examples read it from PORT: -e PORT=8081)" : ""));
        }
    }
}
