package io.modelcompose.shared.config;

/**
 * A job's human-in-the-loop pauses ({@code interrupt:}): before its component runs and after. Either may be null.
 *
 * @param before asked before the job runs; the answer, when not null, replaces the job's input
 * @param after asked once the job's component answered; the answer, when not null, replaces its result
 */
public record JobInterrupts(Point before, Point after) {

    /**
     * One pause. Templates are rendered when it is reached, with {@code job.input} (and {@code job.output} after).
     *
     * @param condition when it does not hold the job goes on without pausing; null: always pause
     * @param message a string template shown to the person, or null
     * @param metadata a template of structured data shown with it, or null
     */
    public record Point(Condition condition, Object message, Object metadata) {
    }

    /** {@code condition: {operator, input, value}} (operator {@code eq} when omitted). */
    public record Condition(ConditionOperator operator, Object input, Object value) {
    }
}
