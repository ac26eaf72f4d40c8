package io.modelcompose.worker.component;

import io.modelcompose.shared.config.LoggerAction;
import io.modelcompose.shared.expr.Values;
import io.vertx.core.Future;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/** The logger component: writes the job input through the configured loggers, tagged with the run id. */
final class LoggerExecutor implements ComponentExecutor {
    static final String LOGGER_NAME = "compose.workflow";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Marker CRITICAL = MarkerFactory.getMarker("CRITICAL");

    @Override
    public Future<ComponentResult> execute(ExecutionRequest request, CancelSignal cancel) {
        LoggerAction action = (LoggerAction) request.action();
        String line = "[run " + request.runId() + "] [job " + request.jobKey() + "] " + message(request.input());
        switch (action.level() == null ? "info" : action.level().trim().toLowerCase(Locale.ROOT)) {
            case "debug" -> LOG.debug(line);
            case "warning" -> LOG.warn(line);
            case "error" -> LOG.error(line);
            case "critical" -> LOG.error(CRITICAL, line);
            default -> LOG.info(line);
        }
        return Future.succeededFuture(new ComponentResult(request.input(), Map.of()));
    }

    /** A {@code message} field alone is written as text; any other value as JSON. */
    static String message(Object input) {
        if (input instanceof Map<?, ?> map && map.size() == 1 && map.get("message") != null) {
            return Values.toText(map.get("message"));
        }
        return Values.toText(input);
    }
}
