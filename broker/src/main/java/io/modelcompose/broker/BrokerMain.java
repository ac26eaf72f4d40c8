package io.modelcompose.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the broker child JVM started by {@code compose-cli up}.
 *
 * <p>Handshake: stdout carries exactly one line, {@code READY <bootstrap servers>}, once the broker answers.
 * Logs go to {@code <data-dir>/broker.log}, and WARN and above also to stderr. The process exits when its stdin
 * reaches end-of-file (the parent closed it or died, also while the broker is still starting) and on SIGTERM,
 * shutting a started broker down cleanly in both cases. Exit codes: 0 after a shutdown, 1 when the broker
 * failed to start, 2 for a bad command line.
 */
public final class BrokerMain {
    public static final String READY_PREFIX = "READY ";
    static final String LOG_FILE_PROPERTY = "compose.broker.logFile";
    static final String LOG_FILE_NAME = "broker.log";
    private static final String LOGBACK_CONFIG_PROPERTY = "logback.configurationFile";
    private static final String LOGBACK_CONFIG = "compose-broker-logback.xml";
    private static final String LOG4J_FACTORY_PROPERTY = "log4j2.loggerContextFactory";
    private static final String LOG4J_SIMPLE_FACTORY = "org.apache.logging.log4j.simple.SimpleLoggerContextFactory";

    private BrokerMain() {
    }

    public static void main(String[] args) {
        PrintStream handshake = System.out;
        System.setOut(System.err);
        BrokerArgs parsed = parseOrExit(args);
        configureLogging(parsed.dataDir());
        Logger log = LoggerFactory.getLogger(BrokerMain.class);
        AtomicReference<KafkaNode> running = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeIfStarted(running), "compose-broker-shutdown"));
        if (parsed.watchStdin()) {
            watchStdin(log);
        }
        KafkaNode node = startOrExit(parsed, log);
        running.set(node);
        handshake.println(READY_PREFIX + node.bootstrapServers());
        handshake.flush();
        if (parsed.exitWhenReady()) {
            node.close();
        }
        node.awaitShutdown();
        log.info("broker stopped");
        System.exit(0);
    }

    private static void closeIfStarted(AtomicReference<KafkaNode> running) {
        KafkaNode node = running.get();
        if (node != null) {
            node.close();
        }
    }

    private static BrokerArgs parseOrExit(String[] args) {
        try {
            return BrokerArgs.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BrokerArgs.USAGE);
            System.exit(2);
            throw e;
        }
    }

    private static KafkaNode startOrExit(BrokerArgs args, Logger log) {
        try {
            return KafkaNode.start(args.nodeOptions());
        } catch (RuntimeException e) {
            log.error("broker failed to start in {}", args.dataDir().toAbsolutePath(), e);
            System.exit(1);
            throw e;
        }
    }

    /**
     * Points logback at the bundled config unless the caller chose one; must run before the first logger.
     * Kafka's logging controller also touches the log4j2 API, which has no backend here: its simple logger keeps
     * it from complaining on stderr.
     */
    private static void configureLogging(Path dataDir) {
        Path logFile = dataDir.toAbsolutePath().resolve(LOG_FILE_NAME);
        System.setProperty(LOG_FILE_PROPERTY, logFile.toString());
        setIfAbsent(LOGBACK_CONFIG_PROPERTY, LOGBACK_CONFIG);
        setIfAbsent(LOG4J_FACTORY_PROPERTY, LOG4J_SIMPLE_FACTORY);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** The parent holds the other end of stdin: end-of-file means it closed it or died, so we exit. */
    private static void watchStdin(Logger log) {
        Thread watcher = new Thread(() -> {
            drain(System.in);
            log.info("stdin closed by the parent, shutting down");
            System.exit(0);
        }, "compose-broker-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // input is ignored; only end-of-file matters
            }
        } catch (IOException e) {
            // a broken pipe means the same as end-of-file
        }
    }
}
