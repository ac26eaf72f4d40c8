package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.LoggerConfig;
import io.modelcompose.shared.config.tree.ConfigPath;
import io.modelcompose.shared.config.tree.YList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Binds the {@code logger:} list; with none declared there is one console logger at info. */
final class LoggerBinder {
    static final String DEFAULT_FILE = "./logs/run.log";
    private static final List<String> TYPES = List.of("console", "file");
    private static final Set<String> FILE_KEYS = Set.of("type", "level", "path", "max_size", "max_files");

    private LoggerBinder() {
    }

    static List<LoggerConfig> bindAll(YList list, String path, BindContext context) {
        if (list == null || list.items().isEmpty()) {
            return List.of(LoggerConfig.DEFAULT_CONSOLE);
        }
        List<LoggerConfig> loggers = new ArrayList<>();
        for (int i = 0; i < list.items().size(); i++) {
            LoggerConfig logger = bind(Fields.of(list.items().get(i), ConfigPath.index(path, i), context.problems));
            if (logger != null) {
                loggers.add(logger);
            }
        }
        return loggers;
    }

    private static LoggerConfig bind(Fields fields) {
        fields.requireKey("type", " (console or file)");
        String type = fields.choice("type", null, TYPES);
        if (type == null) {
            return null;
        }
        boolean file = type.equals("file");
        fields.allowOnly(file ? FILE_KEYS : Set.of("type", "level"));
        String level = fields.choice("level", "info", ActionBinder.LEVELS);
        if (!file) {
            return new LoggerConfig(type, level, null, null, null, fields.location());
        }
        Integer maxFiles = fields.has("max_files") ? fields.integer("max_files", 5, 1, Integer.MAX_VALUE) : null;
        return new LoggerConfig(type, level, fields.string("path", DEFAULT_FILE), fields.size("max_size"), maxFiles,
                fields.location());
    }
}
