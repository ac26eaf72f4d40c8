package io.modelcompose.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Formats the log dirs once; later starts keep the data because the cluster id is stored in the data dir. */
final class StorageFormat {
    static final String CLUSTER_ID_FILE = "cluster.id";
    private static final Logger LOG = LoggerFactory.getLogger(StorageFormat.class);

    private StorageFormat() {
    }

    static void ensureFormatted(Path dataDir, Path configFile) {
        String clusterId = clusterId(dataDir);
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc;
        try (PrintStream printer = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(new String[] {
                "format", "-t", clusterId, "-c", configFile.toString(), "--ignore-formatted"}, printer);
        }
        String text = output.toString(StandardCharsets.UTF_8).trim();
        if (rc != 0) {
            throw new IllegalStateException("formatting " + dataDir + " failed (rc " + rc + "): " + text);
        }
        LOG.info("storage of cluster {}: {}", clusterId, text);
    }

    /** The cluster id of this data dir, created on first use. */
    static String clusterId(Path dataDir) {
        Path file = dataDir.resolve(CLUSTER_ID_FILE);
        try {
            if (Files.isRegularFile(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            String created = Uuid.randomUuid().toString();
            Files.writeString(file, created + "\n", StandardCharsets.UTF_8);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }
}
