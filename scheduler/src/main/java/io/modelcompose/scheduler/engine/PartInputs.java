package io.modelcompose.scheduler.engine;

import io.modelcompose.shared.config.DelayTimes;
import io.modelcompose.shared.config.Durations;
import io.modelcompose.shared.config.JobFlow;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import io.modelcompose.shared.expr.Scope;
import io.modelcompose.shared.expr.Templates;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads the rendered values that repeat_count, for-each and delay jobs run on. */
final class PartInputs {
    private PartInputs() {
    }

    /** The items of a for-each: a list, or a single value (the output is then a single value too). */
    static JobParts items(Object input, String jobId, int batchSize) {
        if (input == null) {
            throw new ComposeException(ErrorCode.BAD_REQUEST, "for-each '" + jobId + "': input is null");
        }
        if (input instanceof Collection<?> list) {
            return new JobParts(new ArrayList<>(list), batchSize, false);
        }
        return new JobParts(List.of(input), batchSize, true);
    }

    /** {@code repeat_count}: an int, or a template rendering to a whole number of at least 1. */
    static int repeatCount(Object written, Scope scope) {
        Object value = written instanceof String ? Templates.render(written, scope) : written;
        if (value == null) {
            return 1;
        }
        try {
            int count = value instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(value).trim());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ComposeException(ErrorCode.BAD_REQUEST, "repeat_count must be a whole number of at least 1, got '"
                + value + "'");
    }

    /** When a delay job's wait ends; an instant not after {@code now} means at once. */
    static Instant delayUntil(JobFlow.Delay delay, Scope scope, Instant now) {
        if (delay.specificTime()) {
            Object time = Templates.render(delay.time(), scope);
            Object zone = Templates.render(delay.timezone(), scope);
            try {
                return DelayTimes.parse(String.valueOf(time), zone == null ? null : String.valueOf(zone));
            } catch (DateTimeException e) {
                throw new ComposeException(ErrorCode.BAD_REQUEST, "delay: cannot read time '" + time + "'"
                        + (zone == null ? "" : " in timezone '" + zone + "'"));
            }
        }
        Object duration = Templates.render(delay.duration(), scope);
        if (duration == null) {
            return now;
        }
        return now.plus(Durations.parse(duration));
    }

    /**
     * The output of one part: for-each renders {@code do.output} with {@code ${output}}, {@code ${item}} and
     * {@code ${index}}; repeat_count renders the job's {@code output} for each run (as upstream does).
     */
    static Object partOutput(JobState job, int index, Scope outputScope, Object result) {
        if (job.job.flow() instanceof JobFlow.ForEach forEach) {
            return forEach.itemOutput() == null ? result
                    : Templates.render(forEach.itemOutput(), FlowDecisions.itemScope(outputScope,
                            job.parts.items.get(index), index));
        }
        return job.job.output() == null ? result : Templates.render(job.job.output(), outputScope);
    }
}
