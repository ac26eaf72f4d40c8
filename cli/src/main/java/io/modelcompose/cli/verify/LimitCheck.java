package io.modelcompose.cli.verify;

/**
 * The most executions (or runs) seen at one instant under a limit.
 *
 * @param name what is limited ({@code component <id>} or {@code controller})
 * @param limit the configured limit
 * @param peak the peak seen in the ledger
 */
public record LimitCheck(String name, int limit, int peak) {
    public boolean exceeded() {
        return peak > limit;
    }
}
