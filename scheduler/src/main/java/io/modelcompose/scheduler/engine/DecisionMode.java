package io.modelcompose.scheduler.engine;

/**
 * Who decides what depends on more than one run: which queued dispatch gets a freed component slot and which pending
 * run starts when the controller's limit allows.
 */
public enum DecisionMode {
    /** The coordinator decides, in the order inputs reach it (the only mode of an in-process runner). */
    DECIDE,
    /**
     * A scheduler rebuilding its state from the log: every dispatch waits and every new run stays pending until the
     * log says who got the slot ({@link RunCoordinator#slotGranted}) or which run started
     * ({@link RunCoordinator#runAdmitted}); nothing is decided until {@link RunCoordinator#decideFromNowOn}.
     */
    FOLLOW_LOG
}
