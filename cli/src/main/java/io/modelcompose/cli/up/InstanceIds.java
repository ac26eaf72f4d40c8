package io.modelcompose.cli.up;

import java.net.InetAddress;
import java.util.UUID;

/** Ids of role instances: host name, process id and a random suffix. */
public final class InstanceIds {
    private InstanceIds() {
    }

    public static String next() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "host";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
