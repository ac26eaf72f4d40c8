package io.modelcompose.cli.verify;

/**
 * A job executed again after its first execution.
 *
 * @param jobKey {@code run/job}
 * @param attempt the attempt number of the later execution
 * @param startMillis when the later execution began
 * @param justified whether a lease expiry explains it: a higher attempt than every earlier one, each of those on a
 *                  worker killed before this start
 * @param reason what justifies it or what does not
 */
public record Duplicate(String jobKey, int attempt, long startMillis, boolean justified, String reason) {
}
