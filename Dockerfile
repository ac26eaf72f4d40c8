# The compose service image: one image for every role, the command picks it:
#   up (default: the whole set with an embedded broker), serve gateway|scheduler|worker|runtime-agent --kafka B.
#
# Assembled from what `mvn package` produced, so no registry is needed:
#   mvn -B package -Dmaven.test.skip=true -pl cli,broker -am
#   docker build -t compose/compose:dev .
# BASE_IMAGE: any image with Java 17+ `java` on PATH plus /bin/sh, mkdir and chown. compose/jre-base:17 is built
# locally by the testkit (LocalImages); where a registry is reachable, eclipse-temurin:17-jre works as well.
ARG BASE_IMAGE=compose/jre-base:17

# Stage 1: arrange the files. The project's own jars are split from the third-party ones, so that a code change
# rebuilds only a small layer of the final image.
FROM ${BASE_IMAGE} AS app
LABEL compose.stage="app"
COPY cli/target/lib/ /staging/lib/
COPY broker/target/lib/ /staging/broker-lib/
COPY cli/target/compose-cli.jar /staging/own/compose-cli.jar
RUN mkdir -p /staging/own/lib /staging/own/broker-lib \
    && mv /staging/lib/compose-*.jar /staging/own/lib/ \
    && mv /staging/broker-lib/compose-*.jar /staging/own/broker-lib/

# Stage 2: the runtime image.
FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title="compose" \
      org.opencontainers.image.description="Declarative workflow orchestrator on Kafka (gateway, scheduler, worker, runtime-agent)"
COPY --from=app /staging/lib/ /app/lib/
COPY --from=app /staging/broker-lib/ /app/broker-lib/
COPY --from=app /staging/own/ /app/
# /project holds model-compose.yml (mounted) and the .compose/ state; the service runs as the unprivileged uid 1000.
RUN mkdir -p /project && chown 1000:1000 /project
USER 1000:1000
WORKDIR /project
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-cp", "/app/compose-cli.jar:/app/lib/*", \
            "-Dcompose.broker.lib=/app/broker-lib", "io.modelcompose.cli.ComposeCli"]
CMD ["up"]
