package io.modelcompose.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.load.ConfigLoader;
import io.modelcompose.shared.config.LoadRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests of deploy/, bound to the fabric8 model: names, labels, ports, probes and commands agree. */
class ManifestsTest {
    static final Path DEPLOY = RepoFiles.root().resolve("deploy");
    static final Kustomization BASE = Kustomization.load(DEPLOY.resolve("base"));
    static final Kustomization DEV = Kustomization.load(DEPLOY.resolve("overlays/dev"));
    private static final String NAME_LABEL = "app.kubernetes.io/name";
    private static final String ROLE_LABEL = "app.kubernetes.io/component";

    private static ComposeConfig config() {
        Path file = BASE.dir().resolve("model-compose.yml");
        return ConfigLoader.load(new LoadRequest(List.of(file), List.of(), Map.of(), Map.of(), BASE.dir()));
    }

    private static Stream<HasMetadata> allResources() {
        return Stream.concat(BASE.resources().stream(), DEV.resources().stream());
    }

    private static List<HasMetadata> roleWorkloads() {
        return BASE.resources().stream().filter(Workloads::isWorkload).toList();
    }

    @Test
    void everyManifestIsListedAndHasOnlyKnownKeys() {
        for (Kustomization k : List.of(BASE, DEV)) {
            assertThat(k.resources()).extracting(r -> r.getMetadata().getName()).isNotEmpty();
            List<String> listed = Kustomization.strings(k.spec().path("resources")).stream()
                    .filter(r -> r.endsWith(".yaml")).sorted().toList();
            List<String> patches = new ArrayList<>();
            k.spec().path("patches").forEach(p -> patches.add(p.path("path").asText()));
            assertThat(Stream.concat(listed.stream(), patches.stream()).sorted().toList())
                    .as("files of %s", k.dir()).isEqualTo(k.manifestFiles());
        }
        assertThat(allResources()).allSatisfy(r -> assertThat(UnknownFields.of(r))
                .as("unknown keys in %s %s", r.getKind(), r.getMetadata().getName()).isEmpty());
    }

    @Test
    void theBaseRunsEveryRole() {
        assertThat(BASE.resource(Deployment.class, "gateway")).isNotNull();
        assertThat(BASE.resource(Service.class, "gateway")).isNotNull();
        assertThat(BASE.resource(Deployment.class, "scheduler").getSpec().getReplicas()).isEqualTo(2);
        assertThat(BASE.resource(Deployment.class, "worker")).isNotNull();
        assertThat(BASE.resource(HorizontalPodAutoscaler.class, "worker")).isNotNull();
        assertThat(BASE.resource(DaemonSet.class, "runtime-agent")).isNotNull();
        assertThat(roleWorkloads()).extracting(w -> w.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(ServeArgs.ROLES);
    }

    @Test
    void selectorsAndLabelsMatchThePods() {
        allResources().filter(Workloads::isWorkload).forEach(w -> {
            Map<String, String> selector = Workloads.selector(w).getMatchLabels();
            assertThat(selector).as("selector of %s", w.getMetadata().getName()).isNotEmpty();
            assertThat(Workloads.podLabels(w)).containsAllEntriesOf(selector);
            assertThat(w.getMetadata().getLabels()).containsAllEntriesOf(selector);
        });
        for (HasMetadata role : roleWorkloads()) {
            assertThat(Workloads.podLabels(role)).containsEntry(NAME_LABEL, "compose")
                    .containsEntry(ROLE_LABEL, role.getMetadata().getName());
        }
    }

    @Test
    void everyServiceSelectsOneWorkloadAndTargetsItsContainerPort() {
        for (Kustomization k : List.of(BASE, DEV)) {
            for (Service service : k.all(Service.class)) {
                Map<String, String> selector = service.getSpec().getSelector();
                List<HasMetadata> selected = k.resources().stream().filter(Workloads::isWorkload)
                        .filter(w -> Workloads.podLabels(w).entrySet().containsAll(selector.entrySet())).toList();
                assertThat(selected).as("workloads selected by service %s", service.getMetadata().getName())
                        .hasSize(1);
                for (ServicePort port : service.getSpec().getPorts()) {
                    assertThat(Workloads.containers(selected.get(0)))
                            .anySatisfy(c -> assertThat(Workloads.resolve(c, port.getTargetPort())).isPresent());
                }
            }
        }
    }

    @Test
    void gatewayPortIsTheConfigsAndItsProbesHitHealthAndReadinessOnIt() {
        Container gateway = Workloads.containers(BASE.resource(Deployment.class, "gateway")).get(0);
        ServicePort servicePort = BASE.resource(Service.class, "gateway").getSpec().getPorts().get(0);
        int configPort = config().controller().port();

        assertThat(Workloads.resolve(gateway, servicePort.getTargetPort())).hasValue(configPort);
        assertThat(servicePort.getPort()).isEqualTo(configPort);
        assertHttpProbe(gateway, gateway.getLivenessProbe(), "/health", configPort);
        assertHttpProbe(gateway, gateway.getStartupProbe(), "/health", configPort);
        assertHttpProbe(gateway, gateway.getReadinessProbe(), "/readiness", configPort);
        assertThat(gateway.getImagePullPolicy()).isEqualTo("IfNotPresent");
    }

    private static void assertHttpProbe(Container container, Probe probe, String path, int port) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(Workloads.resolve(container, probe.getHttpGet().getPort())).hasValue(port);
    }

    @Test
    void rolesWithoutAnHttpPortHaveNoHttpProbes() {
        for (String role : List.of("scheduler", "worker", "runtime-agent")) {
            HasMetadata workload = roleWorkloads().stream().filter(w -> w.getMetadata().getName().equals(role))
                    .findFirst().orElseThrow();
            for (Container c : Workloads.containers(workload)) {
                assertThat(c.getPorts()).as(role).isEmpty();
                assertThat(Stream.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe()))
                        .as(role).allSatisfy(p -> assertThat(p == null || p.getHttpGet() == null).isTrue());
            }
        }
    }

    @Test
    void everyRoleRunsServeWithItsRoleTheKafkaSettingAndTheMountedConfig() {
        String bootstrapKey = "KAFKA_BOOTSTRAP_SERVERS";
        assertThat(Kustomization.strings(BASE.generator("configMapGenerator", "compose-settings").path("literals")))
                .anySatisfy(l -> assertThat(l).startsWith(bootstrapKey + "="));
        List<String> configFiles = Kustomization.strings(
                BASE.generator("configMapGenerator", "compose-config").path("files"));
        for (HasMetadata workload : roleWorkloads()) {
            String role = workload.getMetadata().getName();
            Container container = Workloads.containers(workload).get(0);
            assertThat(container.getImage()).as(role).isEqualTo("compose/compose");

            ServeArgs serve = ServeArgs.parse(container.getArgs());
            assertThat(serve.role()).isEqualTo(role);
            assertThat(serve.kafka()).isEqualTo("$(" + bootstrapKey + ")");
            EnvVar bootstrap = container.getEnv().stream().filter(e -> e.getName().equals(bootstrapKey))
                    .findFirst().orElseThrow(() -> new AssertionError(role + " has no " + bootstrapKey));
            assertThat(bootstrap.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("compose-settings");
            assertThat(bootstrap.getValueFrom().getConfigMapKeyRef().getKey()).isEqualTo(bootstrapKey);

            assertThat(serve.files()).as(role).hasSize(1);
            Path file = serve.files().get(0);
            assertThat(configFiles).contains(file.getFileName().toString());
            VolumeMount mount = container.getVolumeMounts().stream()
                    .filter(m -> Path.of(m.getMountPath()).equals(file.getParent())).findFirst()
                    .orElseThrow(() -> new AssertionError(role + ": nothing mounted at " + file.getParent()));
            Volume volume = Workloads.template(workload).getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getConfigMap().getName()).isEqualTo("compose-config");

            assertThat(container.getEnvFrom()).extracting(e -> e.getSecretRef().getName())
                    .containsExactlyElementsOf(BASE.generated("secretGenerator"));
        }
    }

    @Test
    void theAutoscalerScalesTheWorkerDeploymentOnCpu() {
        HorizontalPodAutoscaler hpa = BASE.resource(HorizontalPodAutoscaler.class, "worker");
        var target = hpa.getSpec().getScaleTargetRef();
        assertThat(target.getApiVersion()).isEqualTo("apps/v1");
        assertThat(target.getKind()).isEqualTo("Deployment");
        Deployment worker = BASE.resource(Deployment.class, target.getName());
        assertThat(hpa.getSpec().getMinReplicas()).isPositive().isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
        assertThat(hpa.getSpec().getMaxReplicas()).as("no more workers than job partitions").isLessThanOrEqualTo(24);
        assertThat(hpa.getSpec().getMetrics()).singleElement()
                .satisfies(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        assertThat(worker.getSpec().getReplicas()).as("replicas belong to the autoscaler").isNull();
        assertThat(Workloads.containers(worker)).allSatisfy(c ->
                assertThat(c.getResources().getRequests()).as("CPU utilisation needs a request").containsKey("cpu"));
    }

    @Test
    void theRuntimeAgentMountsTheNodesDockerSocket() {
        DaemonSet agent = BASE.resource(DaemonSet.class, "runtime-agent");
        Container container = Workloads.containers(agent).get(0);
        VolumeMount socketMount = container.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals("/var/run/docker.sock")).findFirst().orElseThrow();
        Volume socket = agent.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(socketMount.getName())).findFirst().orElseThrow();
        assertThat(socket.getHostPath().getPath()).isEqualTo("/var/run/docker.sock");
        assertThat(socket.getHostPath().getType()).isEqualTo("Socket");
    }

    @Test
    void eachAgentServesTheCommandsOfItsOwnNode() {
        Container container = Workloads.containers(BASE.resource(DaemonSet.class, "runtime-agent")).get(0);
        EnvVar hostId = container.getEnv().stream().filter(e -> e.getName().equals("COMPOSE_HOST_ID"))
                .findFirst().orElseThrow();
        assertThat(hostId.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("spec.nodeName");
    }
}
