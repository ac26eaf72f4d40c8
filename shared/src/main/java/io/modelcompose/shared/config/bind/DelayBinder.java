package io.modelcompose.shared.config.bind;

import io.modelcompose.shared.config.JobFlow;
import io.modelcompose.shared.config.tree.YNode;
import io.modelcompose.shared.config.tree.YScalar;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * Binds a {@code delay} job: {@code mode: time-interval} (the default) with {@code duration}, or
 * {@code mode: specific-time} with {@code time} (ISO date-time) and an optional {@code timezone}. Values written as
 * templates are checked when the job runs.
 */
final class DelayBinder {
    private DelayBinder() {
    }

    static JobFlow.Delay bind(Fields job) {
        boolean specificTime = job.choice("mode", "time-interval", List.of("time-interval", "specific-time"))
                .equals("specific-time");
        if (specificTime) {
            job.requireKey("time", " (an ISO date-time such as 2026-01-01T09:00:00)");
            String time = checked(job, "time", io.modelcompose.shared.config.DelayTimes::problem);
            String timezone = job.string("timezone");
            if (timezone != null && !timezone.contains("${")) {
                try {
                    ZoneId.of(timezone);
                } catch (DateTimeException e) {
                    job.problem("timezone", "unknown timezone '" + timezone + "'");
                }
            }
            return new JobFlow.Delay(true, null, time, timezone);
        }
        job.requireKey("duration", " (seconds, or a duration such as 30s)");
        YNode node = job.node("duration");
        if (node != null && !isTemplate(node)) {
            job.duration("duration");
        }
        return new JobFlow.Delay(false, job.template("duration"), null, null);
    }

    private static String checked(Fields job, String key, java.util.function.Function<String, String> check) {
        String text = job.string(key);
        if (text != null && !text.contains("${")) {
            String problem = check.apply(text);
            if (problem != null) {
                job.problem(key, problem);
            }
        }
        return text;
    }

    private static boolean isTemplate(YNode node) {
        return node instanceof YScalar scalar && scalar.value() instanceof String text && text.contains("${");
    }
}
