package io.modelcompose.gateway.webui;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in page's files, read once from the jar ({@code webui/} on the class path, listed in
 * {@code webui/assets.txt}) and held in memory: a few tens of KB, served without touching the file system, so that a
 * {@code webui/} folder in the project can never shadow them.
 */
final class Assets {
    private static final String ROOT = "webui/";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml");
    private final Map<String, Asset> byPath;

    /**
     * One file.
     *
     * @param contentType its media type
     * @param body its bytes
     */
    record Asset(String contentType, Buffer body) {
    }

    private Assets(Map<String, Asset> byPath) {
        this.byPath = Map.copyOf(byPath);
    }

    static Assets load() {
        ClassLoader loader = Assets.class.getClassLoader();
        Map<String, Asset> files = new LinkedHashMap<>();
        for (String name : read(loader, "assets.txt").toString(StandardCharsets.UTF_8).split("\n")) {
            String file = name.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                String extension = file.substring(file.lastIndexOf('.') + 1);
                files.put("/" + file, new Asset(TYPES.getOrDefault(extension, "application/octet-stream"),
                        read(loader, file)));
            }
        }
        return new Assets(files);
    }

    /** The file at this request path ({@code /} is {@code /index.html}). */
    Optional<Asset> find(String path) {
        return Optional.ofNullable(byPath.get(path.equals("/") ? "/index.html" : path));
    }

    /** Bytes of every file together: the page weight. */
    long totalBytes() {
        return byPath.values().stream().mapToLong(a -> a.body().length()).sum();
    }

    private static Buffer read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the web UI file " + ROOT + name + " is missing from the jar");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
