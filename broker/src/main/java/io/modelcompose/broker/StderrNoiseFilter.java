package io.modelcompose.broker;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps warnings that Kafka logs on every healthy start of a single node off stderr (they stay in broker.log),
 * so that the parent only sees warnings worth showing.
 */
public final class StderrNoiseFilter extends Filter<ILoggingEvent> {
    private static final String QUORUM_CONTROLLER = "org.apache.kafka.controller.QuorumController";
    private static final String ACTIVATION = "Performing controller activation";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        boolean activation = QUORUM_CONTROLLER.equals(event.getLoggerName())
                && event.getMessage() != null
                && event.getMessage().contains(ACTIVATION);
        return activation ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
