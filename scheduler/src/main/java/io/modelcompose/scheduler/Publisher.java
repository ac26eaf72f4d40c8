package io.modelcompose.scheduler;

import io.modelcompose.shared.event.ComposeEvent;
import java.util.concurrent.CompletionStage;

/** Where the active scheduler writes records: completes once the broker has the record. */
@FunctionalInterface
interface Publisher {
    CompletionStage<?> send(String topic, ComposeEvent event);
}
