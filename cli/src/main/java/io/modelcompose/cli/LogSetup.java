package io.modelcompose.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.LoggerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Configures Logback from the {@code logger:} list at start: console loggers write to stderr, file loggers to files. */
final class LogSetup {
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    private LogSetup() {
    }

    /** Applies the config's loggers (one console logger at info when {@code config} is null or declares none). */
    static void configure(ComposeConfig config, boolean verbose) {
        List<LoggerConfig> loggers = config == null || config.loggers().isEmpty()
                ? List.of(LoggerConfig.DEFAULT_CONSOLE) : config.loggers();
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level lowest = Level.ERROR;
        for (LoggerConfig logger : loggers) {
            Level level = verbose ? Level.DEBUG : level(logger.level());
            if (level.levelInt < lowest.levelInt) {
                lowest = level;
            }
            root.addAppender(appender(context, logger, level));
        }
        root.setLevel(lowest);
        for (String noisy : List.of("io.netty", "org.apache.kafka", "kafka", "com.github.dockerjava",
                "org.testcontainers")) {
            context.getLogger(noisy).setLevel(verbose ? Level.INFO : Level.WARN);
        }
    }

    static Level level(String name) {
        return switch (name == null ? "info" : name.toLowerCase(Locale.ROOT)) {
            case "debug" -> Level.DEBUG;
            case "warning", "warn" -> Level.WARN;
            case "error", "critical" -> Level.ERROR;
            default -> Level.INFO;
        };
    }

    private static OutputStreamAppender<ILoggingEvent> appender(LoggerContext context, LoggerConfig logger, Level level) {
        OutputStreamAppender<ILoggingEvent> appender = "file".equals(logger.type()) ? fileAppender(context, logger)
                : consoleAppender();
        appender.setContext(context);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        appender.setEncoder(encoder);
        ThresholdFilter filter = new ThresholdFilter();
        filter.setLevel(level.levelStr);
        filter.start();
        appender.addFilter(filter);
        appender.start();
        return appender;
    }

    private static OutputStreamAppender<ILoggingEvent> consoleAppender() {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setTarget("System.err");
        return console;
    }

    private static OutputStreamAppender<ILoggingEvent> fileAppender(LoggerContext context, LoggerConfig logger) {
        String path = Path.of(logger.path() == null ? "./logs/run.log" : logger.path()).toAbsolutePath().toString();
        if (logger.maxSizeBytes() == null) {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(path);
            file.setAppend(true);
            return file;
        }
        RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
        rolling.setContext(context);
        rolling.setFile(path);
        FixedWindowRollingPolicy policy = new FixedWindowRollingPolicy();
        policy.setContext(context);
        policy.setParent(rolling);
        policy.setFileNamePattern(path + ".%i");
        policy.setMinIndex(1);
        policy.setMaxIndex(logger.maxFiles() == null ? 5 : logger.maxFiles());
        policy.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(new FileSize(logger.maxSizeBytes()));
        trigger.start();
        rolling.setRollingPolicy(policy);
        rolling.setTriggeringPolicy(trigger);
        return rolling;
    }
}
