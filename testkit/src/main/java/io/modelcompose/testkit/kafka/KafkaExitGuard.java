package io.modelcompose.testkit.kafka;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.utils.Exit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns Kafka's {@code Exit.exit}/{@code Exit.halt} into exceptions, so a broker fault cannot end the test JVM. */
final class KafkaExitGuard {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaExitGuard.class);
    private static final AtomicBoolean INSTALLED = new AtomicBoolean();

    private KafkaExitGuard() {
    }

    static void install() {
        if (INSTALLED.compareAndSet(false, true)) {
            Exit.setHaltProcedure((code, message) -> refuse("halt", code, message));
            Exit.setExitProcedure((code, message) -> refuse("exit", code, message));
        }
    }

    private static void refuse(String kind, int code, String message) {
        String text = "embedded Kafka broker asked the JVM to " + kind + "(" + code + "): " + message;
        LOG.error(text);
        throw new IllegalStateException(text);
    }
}
