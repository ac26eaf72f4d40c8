package io.modelcompose.transport;

import io.modelcompose.shared.event.ComposeEvent;
import java.util.concurrent.CompletionStage;

/** Handles one decoded record; the record's offset is committed once the returned stage completes. */
@FunctionalInterface
public interface EventHandler {
    CompletionStage<?> handle(ComposeEvent event, RecordPosition position);
}
