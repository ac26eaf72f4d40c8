package io.modelcompose.worker.component;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/** A Vert.x instance with a strict blocked-thread checker whose warnings are captured for assertions. */
final class BlockedThreadWatch implements AutoCloseable {
    static final String CHECKER_LOGGER = "io.vertx.core.impl.BlockedThreadChecker";

    private final Logger checker = (Logger) LoggerFactory.getLogger(CHECKER_LOGGER);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Vertx vertx;

    BlockedThreadWatch(long maxEventLoopMillis) {
        appender.start();
        checker.addAppender(appender);
        checker.setAdditive(false);
        vertx = Vertx.vertx(new VertxOptions()
                .setBlockedThreadCheckInterval(50).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
                .setMaxEventLoopExecuteTime(maxEventLoopMillis).setMaxEventLoopExecuteTimeUnit(TimeUnit.MILLISECONDS));
    }

    Vertx vertx() {
        return vertx;
    }

    /** The checker's warnings so far ("Thread ... has been blocked for ..."). */
    List<String> warnings() {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        Jobs.await(vertx.close());
        checker.detachAppender(appender);
        checker.setAdditive(true);
        appender.stop();
    }
}
