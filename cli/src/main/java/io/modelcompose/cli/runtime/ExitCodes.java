package io.modelcompose.cli.runtime;

import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;

/** The one mapping from errors to process exit codes: 0 ok, 1 run or command failed, 2 usage or config error. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private ExitCodes() {
    }

    public static int of(Throwable error) {
        if (error instanceof ComposeException ce) {
            ErrorCode code = ce.code();
            return switch (code) {
                case CONFIG_INVALID, BAD_REQUEST, NOT_FOUND -> USAGE;
                default -> FAILED;
            };
        }
        return FAILED;
    }
}
