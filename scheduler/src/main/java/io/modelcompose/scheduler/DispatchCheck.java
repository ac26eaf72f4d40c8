package io.modelcompose.scheduler;

import io.modelcompose.shared.event.AttemptId;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Answers which of some attempts granted by a predecessor were really sent to the workers ({@link DispatchAudit}). */
@FunctionalInterface
interface DispatchCheck {
    CompletionStage<Set<AttemptId>> sent(Set<AttemptId> granted);
}
