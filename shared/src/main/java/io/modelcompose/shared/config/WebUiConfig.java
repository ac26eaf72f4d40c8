package io.modelcompose.shared.config;

import io.modelcompose.shared.config.tree.SourceLocation;

/**
 * {@code controller.webui}: the web page the gateway serves on its own address.
 *
 * @param driver {@code gradio} (the original's default name; our own page is served) or {@code static} (the files
 *     of {@code staticDir} are served)
 * @param host listen address (127.0.0.1 by default)
 * @param port listen port (8081 by default)
 * @param staticDir for {@code static}: the folder served, relative to the project folder ({@code webui} by default)
 * @param location where {@code webui} was declared
 */
public record WebUiConfig(String driver, String host, int port, String staticDir, SourceLocation location) {
    public static final String GRADIO = "gradio";
    public static final String STATIC = "static";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8081;
    public static final String DEFAULT_STATIC_DIR = "webui";

    /** True when the user's own files are served instead of the built-in page. */
    public boolean servesStaticDir() {
        return STATIC.equals(driver);
    }
}
