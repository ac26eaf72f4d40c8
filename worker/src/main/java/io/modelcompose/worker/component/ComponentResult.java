package io.modelcompose.worker.component;

import java.util.Map;

/**
 * What an action produced.
 *
 * @param output the action's output (after the component's own {@code output} template)
 * @param sources the native sources a job's output mapping may use ({@code stdout}, {@code response}, {@code status}...)
 */
public record ComponentResult(Object output, Map<String, Object> sources) {
}
