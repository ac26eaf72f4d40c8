package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.WebUiConfig;
import io.modelcompose.shared.config.tree.YNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds {@code controller.webui}: {@code driver} ({@code gradio} when absent, served by our own page, or
 * {@code static} with {@code static_dir}), {@code host} (127.0.0.1) and {@code port} (8081). The original's
 * {@code dynamic} driver, which it accepts and never serves, is accepted with a warning and serves nothing here too.
 */
final class WebUiBinder {
    private static final String DYNAMIC = "dynamic";
    private static final Set<String> KEYS = Set.of("driver", "host", "port", "static_dir");
    private static final Map<String, String> DYNAMIC_KEYS = Map.of(
            "command", "the 'dynamic' web UI driver is not served",
            "server_dir", "the 'dynamic' web UI driver is not served");

    private WebUiBinder() {
    }

    /** The web UI of the controller, or null when {@code webui} is not written (or names the dynamic driver). */
    static WebUiConfig bind(Fields controller) {
        YNode node = controller.node("webui");
        if (node == null) {
            return null;
        }
        Fields webui = Fields.of(node, controller.path("webui"), controller.problems());
        if (DYNAMIC.equals(webui.string("driver"))) {
            webui.allowOnly(KEYS, DYNAMIC_KEYS);
            controller.problems().warn(webui.keyLocation("driver"), webui.path("driver"),
                    "accepted but not acted on: the 'dynamic' web UI driver is not served (the original serves "
                            + "nothing for it either); use 'gradio' for the built-in page or 'static' with static_dir");
            return null;
        }
        webui.allowOnly(KEYS);
        String driver = webui.choice("driver", WebUiConfig.GRADIO, List.of(WebUiConfig.GRADIO, WebUiConfig.STATIC));
        String staticDir = webui.string("static_dir", WebUiConfig.DEFAULT_STATIC_DIR);
        if (webui.has("static_dir") && !WebUiConfig.STATIC.equals(driver)) {
            webui.problem("static_dir", "'static_dir' is only read with 'driver: static'");
        }
        return new WebUiConfig(driver,
                webui.string("host", WebUiConfig.DEFAULT_HOST),
                webui.integer("port", WebUiConfig.DEFAULT_PORT, 1, 65535),
                staticDir,
                webui.location());
    }
}
