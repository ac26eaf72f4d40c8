package io.modelcompose.cli.up;

import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x options of a service-set process: one event loop per core, and a blocked-thread warning that means
 * real blocking.
 *
 * <p>Vert.x warns when one event-loop task runs longer than 2 s and adds a stack trace after 5 s. On this 2-core
 * machine shared with the broker's JVM, a first {@code up} logged 2.0–5.9 s "blocked" loops while the roles
 * started (load average 14), every stack inside class definition and lambda linkage (first use of
 * {@code HttpServer.listen}, Kafka client classes): a runnable thread kept off the CPU, not a blocking call. The roles
 * never block an event loop (their Kafka, Docker and process calls run on worker threads), so the warning is raised
 * to 10 s, past what CPU starvation has shown and far below what a real blocking call (a network or disk wait with no
 * timeout) takes. Its stack trace is printed only with {@code -v}.
 */
final class EventLoopOptions {
    static final long MAX_EVENT_LOOP_MILLIS = 10_000;

    private EventLoopOptions() {
    }

    static VertxOptions forServiceSet() {
        boolean verbose = LoggerFactory.getLogger("io.vertx.core.impl.BlockedThreadChecker").isDebugEnabled();
        // One event loop per core, not Vert.x's two: each loop holds a selector (two descriptors), and every open
        // descriptor costs each process start (shell jobs); the roles' loops are never blocked, so two per core
        // buy nothing here (measured: no loss on the logger load, a little gained on the shell chain).
        return new VertxOptions().setWorkerPoolSize(16)
                .setEventLoopPoolSize(Runtime.getRuntime().availableProcessors())
                .setMaxEventLoopExecuteTime(MAX_EVENT_LOOP_MILLIS).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS)
                .setWarningExceptionTime(verbose ? MAX_EVENT_LOOP_MILLIS : Long.MAX_VALUE)
                .setWarningExceptionTimeUnit(TimeUnit.MILLISECONDS);
    }
}
