package io.modelcompose.testkit.docker;

/** The files of the {@code compose/kafka} image: start script and logging configs. */
final class KafkaImageFiles {
    /** {@code /etc/kafka/docker/run}: KAFKA_* variables to server.properties, format, start. */
    static final String RUN = """
            #!/bin/sh
            # Starts one Kafka node (KRaft) the way the apache/kafka image does, which is what Testcontainers' KafkaContainer
            # expects: every KAFKA_FOO_BAR variable becomes foo.bar in server.properties ("___" -> "-", "__" -> "_"), the
            # storage is formatted with $CLUSTER_ID, then the broker runs in the foreground.
            set -e
            CONFIG=/opt/kafka/config/server.properties
            CLASSPATH="/opt/kafka/config:/opt/kafka/libs/*"
            : "${CLUSTER_ID:=4L6g3nShT-eMCtK--X86sw}"
            : "${KAFKA_LOG_DIRS:=/var/lib/kafka/data}"
            export KAFKA_LOG_DIRS
            mkdir -p "$KAFKA_LOG_DIRS"
            env | grep '^KAFKA_' | grep -v -E '^KAFKA_(HEAP_OPTS|OPTS|JVM_PERFORMANCE_OPTS|JMX_OPTS|GC_LOG_OPTS|LOG4J_OPTS)=' \\
                | while IFS='=' read -r name value; do
                    key=$(echo "${name#KAFKA_}" | tr 'A-Z' 'a-z' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
                    echo "$key=$value"
                done > "$CONFIG"
            JAVA_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m -Xms64m} -Dlogback.configurationFile=/opt/kafka/config/logback.xml ${KAFKA_OPTS:-}"
            # shellcheck disable=SC2086
            java $JAVA_OPTS -cp "$CLASSPATH" kafka.tools.StorageTool format -t "$CLUSTER_ID" -c "$CONFIG" --ignore-formatted
            # shellcheck disable=SC2086
            exec java $JAVA_OPTS -cp "$CLASSPATH" kafka.Kafka "$CONFIG"
            """;

    /** Logback config: WARN, plus the INFO lines Testcontainers waits for. */
    static final String LOGBACK = """
            <configuration>
              <!-- Quiet broker; the two INFO loggers carry the lines Testcontainers waits for. -->
              <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                <encoder>
                  <pattern>[%d{HH:mm:ss.SSS}] %-5level %logger{36} - %msg%n</pattern>
                </encoder>
              </appender>
              <logger name="kafka.server.BrokerLifecycleManager" level="INFO"/>
              <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
              <root level="WARN">
                <appender-ref ref="OUT"/>
              </root>
            </configuration>
            """;

    /** slf4j-simple config, used only when the broker's jars bring slf4j-simple instead of Logback. */
    static final String SIMPLELOGGER = """
            # Used only when the broker's jars bring slf4j-simple instead of Logback.
            org.slf4j.simpleLogger.logFile=System.out
            org.slf4j.simpleLogger.defaultLogLevel=warn
            org.slf4j.simpleLogger.log.kafka.server.BrokerLifecycleManager=info
            org.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info
            """;

    private KafkaImageFiles() {
    }
}
