package io.modelcompose.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * {@code compose-cli run} states a failed run once on stderr, in its own {@code error: run ...} line: the run
 * outcome's ERROR log line (same run id, same reason) is kept out of console loggers for that command, and still
 * written by file loggers.
 */
final class RunErrorOnce {
    static final String RUN_OUTCOMES = "io.modelcompose.scheduler.runs";

    private RunErrorOnce() {
    }

    /** Adds the filter to every console appender of the current logging set-up. */
    static void apply() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (!(appender instanceof FileAppender)) {
                appender.addFilter(new Filter<>() {
                    @Override
                    public FilterReply decide(ILoggingEvent event) {
                        return RUN_OUTCOMES.equals(event.getLoggerName())
                                && event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR)
                                ? FilterReply.DENY : FilterReply.NEUTRAL;
                    }
                });
            }
        }
    }
}
