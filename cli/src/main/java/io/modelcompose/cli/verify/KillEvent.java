package io.modelcompose.cli.verify;

/**
 * A role process the verifier killed with SIGKILL.
 *
 * @param role gateway, scheduler or worker
 * @param pid its process id
 * @param atMillis when it was dead (epoch ms)
 */
public record KillEvent(String role, long pid, long atMillis) {
    public static final String WORKER = "worker";
    public static final String SCHEDULER = "scheduler";
    public static final String GATEWAY = "gateway";
}
