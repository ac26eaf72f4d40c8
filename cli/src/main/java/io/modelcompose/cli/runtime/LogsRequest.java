package io.modelcompose.cli.runtime;

import java.util.function.Predicate;

/**
 * The options of {@code logs}.
 *
 * @param follow keep printing new lines ({@code -f}, {@code --follow})
 * @param keep which lines to print (the selected roles' entries with their continuation lines)
 */
public record LogsRequest(boolean follow, Predicate<String> keep) {
}
