package io.modelcompose.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.LoggerConfig;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback from the {@code logger:} list at start: console loggers write to stderr, file loggers to files
 * (parent folders created; size rotation with {@code max_size}/{@code max_files}). Every line names the role that
 * wrote it ({@code 12:00:00.000 INFO  [worker] compose.workflow - ...}) so that {@code logs ROLE} can filter.
 */
public final class LogSetup {
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%role] %logger{0} - %msg%n";
    /** The default level's pattern: an exception is its one-line summary, never a stack trace ({@code -v} has it). */
    static final String PATTERN_WITHOUT_STACKS = "%d{HH:mm:ss.SSS} %-5level [%role] %logger{0} - %msg%oneLineEx%n%nopex";
    /** The marker of {@code critical} lines (set by the logger component); {@code critical} loggers keep only these. */
    static final String CRITICAL_MARKER = "CRITICAL";
    /** Role names that {@link #roleOf} gives. */
    public static final List<String> ROLES = List.of("gateway", "scheduler", "worker", "runtime-agent", "broker",
            "kafka", "compose");
    private static final long SIZE_CHECK_MILLIS = 100;
    /**
     * The loggers of the user's own lines: the logger component's and the run/job lifecycle. A {@code debug} logger
     * lowers these to DEBUG; every other logger (Vert.x, Netty, Kafka, our roles' internals) stays at INFO unless
     * {@code -v} is given, so that a project's debug level shows its jobs, not the frameworks.
     */
    static final List<String> USER_LOGGERS = List.of("compose.workflow", "io.modelcompose.scheduler.runs");
    private static final List<String> NOISY = List.of("io.netty", "org.apache.kafka", "kafka", "state.change.logger",
            "com.github.dockerjava", "org.testcontainers");

    private LogSetup() {
    }

    /** As {@link #configure(ComposeConfig, boolean, Path)}, relative file paths resolved against the current folder. */
    public static void configure(ComposeConfig config, boolean verbose) {
        configure(config, verbose, Path.of(""));
    }

    /** Applies the config's loggers (one console logger at info when {@code config} is null or declares none). */
    public static void configure(ComposeConfig config, boolean verbose, Path projectDir) {
        configure(config, verbose, projectDir, null);
    }

    /**
     * As above; console loggers write to {@code console} when it is not null (tests), else to {@code System.err}.
     *
     * @throws ComposeException when a file logger's folder cannot be created or its file cannot be opened
     */
    public static void configure(ComposeConfig config, boolean verbose, Path projectDir, OutputStream console) {
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
            OutputStreamAppender<ILoggingEvent> appender = "file".equals(logger.type())
                    ? fileAppender(context, logger, projectDir) : consoleAppender(console);
            boolean criticalOnly = !verbose && "critical".equalsIgnoreCase(logger.level());
            String pattern = verbose ? PATTERN : PATTERN_WITHOUT_STACKS;
            root.addAppender(start(context, appender, level, criticalOnly, pattern));
        }
        root.setLevel(verbose || lowest.isGreaterOrEqual(Level.INFO) ? lowest : Level.INFO);
        for (String user : USER_LOGGERS) {
            context.getLogger(user).setLevel(lowest);
        }
        for (String noisy : NOISY) {
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

    /** The role a logger belongs to: its module for the project's own loggers, else kafka or compose. */
    public static String roleOf(String loggerName) {
        String name = loggerName == null ? "" : loggerName;
        if (name.startsWith("io.modelcompose.gateway")) {
            return "gateway";
        } else if (name.startsWith("io.modelcompose.scheduler")) {
            return "scheduler";
        } else if (name.startsWith("io.modelcompose.worker") || name.startsWith("compose.workflow")) {
            return "worker";
        } else if (name.startsWith("io.modelcompose.runtimeagent")) {
            return "runtime-agent";
        } else if (name.startsWith("io.modelcompose.cli.broker")) {
            return "broker";
        } else if (name.startsWith("org.apache.kafka") || name.startsWith("kafka")) {
            return "kafka";
        }
        return "compose";
    }

    private static OutputStreamAppender<ILoggingEvent> start(LoggerContext context,
            OutputStreamAppender<ILoggingEvent> appender, Level level, boolean criticalOnly, String pattern) {
        appender.setContext(context);
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("role", RoleConverter::new);
        layout.getInstanceConverterMap().put("oneLineEx", OneLineThrowableConverter::new);
        layout.setPattern(pattern);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        appender.setEncoder(encoder);
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(level.levelStr);
        threshold.start();
        appender.addFilter(threshold);
        if (criticalOnly) {
            appender.addFilter(new CriticalOnlyFilter());
        }
        appender.start();
        if (!appender.isStarted()) {
            throw new ComposeException(ErrorCode.CONFIG_INVALID, "cannot open log " + describe(appender));
        }
        return appender;
    }

    private static String describe(OutputStreamAppender<ILoggingEvent> appender) {
        return appender instanceof FileAppender<ILoggingEvent> file ? "file " + file.getFile() : "output";
    }

    private static OutputStreamAppender<ILoggingEvent> consoleAppender(OutputStream console) {
        if (console != null) {
            OutputStreamAppender<ILoggingEvent> stream = new OutputStreamAppender<>();
            stream.setOutputStream(console);
            stream.setImmediateFlush(true);
            return stream;
        }
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setTarget("System.err");
        return stderr;
    }

    private static OutputStreamAppender<ILoggingEvent> fileAppender(LoggerContext context, LoggerConfig logger,
            Path projectDir) {
        Path file = projectDir.resolve(logger.path() == null ? "./logs/run.log" : logger.path())
                .toAbsolutePath().normalize();
        createParents(file);
        String path = file.toString();
        if (logger.maxSizeBytes() == null) {
            FileAppender<ILoggingEvent> plain = new FileAppender<>();
            plain.setFile(path);
            plain.setAppend(true);
            return plain;
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
        // Logback looks at the file size at most once a minute by default, so a busy file could grow far past
        // max_size; a tenth of a second bounds that at the price of one stat call per line at most.
        trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildByMilliseconds(SIZE_CHECK_MILLIS));
        trigger.start();
        rolling.setRollingPolicy(policy);
        rolling.setTriggeringPolicy(trigger);
        return rolling;
    }

    private static void createParents(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new ComposeException(ErrorCode.CONFIG_INVALID, "cannot create the folder of log file " + file
                    + ": " + e);
        }
    }

    /** {@code %role}: the role of the event's logger, see {@link #roleOf}. */
    static final class RoleConverter extends ClassicConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return roleOf(event.getLoggerName());
        }
    }

    /** {@code %oneLineEx}: {@code " (IllegalStateException: boom; caused by IOException: gone)"}, or nothing. */
    static final class OneLineThrowableConverter extends ClassicConverter {
        private static final int MAX_CAUSES = 3;

        @Override
        public String convert(ILoggingEvent event) {
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown == null) {
                return "";
            }
            StringBuilder line = new StringBuilder(" (");
            for (int depth = 0; thrown != null && depth < MAX_CAUSES; depth++, thrown = thrown.getCause()) {
                String type = thrown.getClassName().substring(thrown.getClassName().lastIndexOf('.') + 1);
                line.append(depth == 0 ? "" : "; caused by ").append(type);
                if (thrown.getMessage() != null) {
                    line.append(": ").append(thrown.getMessage().lines().findFirst().orElse(""));
                }
            }
            return line.append(')').toString();
        }
    }

    /** Keeps only events marked {@value #CRITICAL_MARKER} (a {@code critical} logger's lines). */
    private static final class CriticalOnlyFilter extends Filter<ILoggingEvent> {
        CriticalOnlyFilter() {
            start();
        }

        @Override
        public FilterReply decide(ILoggingEvent event) {
            List<org.slf4j.Marker> markers = event.getMarkerList();
            boolean critical = markers != null && markers.stream().anyMatch(m -> m.contains(CRITICAL_MARKER));
            return critical ? FilterReply.NEUTRAL : FilterReply.DENY;
        }
    }
}
