package io.modelcompose.shared.config;

import java.util.ArrayList;
import java.util.List;

/**
 * What a job has beyond a component call.
 *
 * @param type the job type as written ({@code component}, {@code if}, {@code switch}, {@code random-router},
 *     {@code filter}, {@code for-each}, {@code delay})
 * @param name a label, or null
 * @param description a description, or null
 * @param maxRunCount how often the job may run in one run (routing loops); upstream's default is 25
 * @param repeatCount how many times a component job runs its action on the same input (an int or a template);
 *     more than one makes the output a list
 * @param onError what to do once retries are exhausted, or null (the run fails)
 * @param flow what a job of another type than {@code component} does, or null for a component job
 * @param interrupts the job's pauses for a person ({@code interrupt:}), or null
 * @param hooks the job's component calls before and after its own ({@code hook:}), or null
 */
public record JobOptions(String type, String name, String description, int maxRunCount, Object repeatCount,
        OnError onError, JobFlow flow, JobInterrupts interrupts, JobHooks hooks) {
    public static final String COMPONENT = "component";
    public static final int DEFAULT_MAX_RUN_COUNT = 25;
    public static final JobOptions DEFAULT = new JobOptions(COMPONENT, null, null, DEFAULT_MAX_RUN_COUNT, 1, null,
            null);

    /** Options without interrupts. */
    public JobOptions(String type, String name, String description, int maxRunCount, Object repeatCount,
            OnError onError, JobFlow flow) {
        this(type, name, description, maxRunCount, repeatCount, onError, flow, null);
    }

    /** Options without hooks. */
    public JobOptions(String type, String name, String description, int maxRunCount, Object repeatCount,
            OnError onError, JobFlow flow, JobInterrupts interrupts) {
        this(type, name, description, maxRunCount, repeatCount, onError, flow, interrupts, null);
    }

    /** Every job id this job may route to (its flow's targets and {@code on_error.to}). */
    public List<String> routingTargets() {
        List<String> targets = new ArrayList<>(flow == null ? List.of() : flow.routingTargets());
        if (onError != null && onError.to() != null) {
            targets.add(onError.to());
        }
        return targets;
    }
}
