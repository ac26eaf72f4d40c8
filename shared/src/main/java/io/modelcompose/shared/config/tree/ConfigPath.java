package io.modelcompose.shared.config.tree;

/** Builds config paths such as {@code workflows[0].jobs[2].component}. */
public final class ConfigPath {
    private ConfigPath() {
    }

    public static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public static String index(String path, int index) {
        return path + "[" + index + "]";
    }
}
