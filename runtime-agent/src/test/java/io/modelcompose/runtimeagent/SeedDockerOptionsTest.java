package io.modelcompose.runtimeagent;

import static io.modelcompose.runtimeagent.testing.SeedConfigs.load;
import static io.modelcompose.runtimeagent.testing.SeedConfigs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.modelcompose.runtimeagent.container.ContainerSpec;
import io.modelcompose.runtimeagent.image.ImageRefs;
import io.modelcompose.shared.config.docker.BuildOptions;
import io.modelcompose.shared.config.docker.DockerOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML blocks of the seed's 14.2.1 and 14.2.2, loaded by the config loader and mapped to container specs. */
class SeedDockerOptionsTest {
    @TempDir
    Path dir;

    @Test
    void runtimeDockerStringBuildsTheDefaultImage() {
        ContainerSpec spec = spec(dir, """
                controller:
                  type: http-server
                  port: 8080
                  runtime: docker                 # 문자열 형식
                """);

        assertThat(spec.image()).isEqualTo(ImageRefs.defaultTag("seed"));
        assertThat(spec.name()).isEqualTo("compose-seed");
    }

    @Test
    void imageAndContainerName() {
        ContainerSpec spec = spec(dir, """
                controller:
                  type: http-server
                  port: 8080
                  runtime:
                    type: docker
                    image: my-registry/model-compose:latest
                    container_name: my-controller
                """);

        assertThat(spec.image()).isEqualTo("my-registry/model-compose:latest");
        assertThat(spec.name()).isEqualTo("my-controller");
    }

    @Test
    void shortPortForms() {
        ContainerSpec spec = spec(dir, """
                controller:
                  type: http-server
                  port: 8080
                  runtime:
                    type: docker
                    ports:
                      - "5000:8080"                # 호스트:컨테이너
                      - 8081                       # 동일 포트 사용 (8081:8081)
                """);

        var bindings = spec.hostConfig().getPortBindings().getBindings();
        assertThat(bindings.get(ExposedPort.tcp(8080))).containsExactly(Ports.Binding.bindPort(5000));
        assertThat(bindings.get(ExposedPort.tcp(8081))).containsExactly(Ports.Binding.bindPort(8081));
    }

    @Test
    void buildSection() {
        DockerOptions options = load(dir, """
                controller:
                  type: http-server
                  port: 8080
                  runtime:
                    type: docker
                    build:
                      context: .                   # 빌드 컨텍스트 경로
                      dockerfile: Dockerfile       # 커스텀 Dockerfile
                      args:                        # 빌드 인자
                        PYTHON_VERSION: "3.11"
                        MODEL_NAME: "llama-2"
                      target: production           # 멀티 스테이지 빌드 타겟
                      cache_from:                  # 캐시 이미지
                        - my-registry/cache:latest
                      labels:
                        app: model-compose
                        version: "1.0"
                      network: host                # 빌드 시 네트워크 모드
                      pull: true                   # 항상 베이스 이미지 pull
                """);

        assertThat(options.build()).isEqualTo(new BuildOptions(".", "Dockerfile",
                Map.of("PYTHON_VERSION", "3.11", "MODEL_NAME", "llama-2"), "production",
                List.of("my-registry/cache:latest"), Map.of("app", "model-compose", "version", "1.0"),
                "host", true));
        assertThat(ImageRefs.imageFor(options, "seed")).isEqualTo("compose/seed:latest");
    }

    @Test
    void longPortForm() {
        ContainerSpec spec = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    ports:
                      - target: 8080               # 컨테이너 포트
                        published: 5000            # 호스트 포트
                        protocol: tcp              # tcp 또는 udp
                        mode: host                 # host 또는 ingress
                """);

        assertThat(spec.hostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(8080)))
                .containsExactly(Ports.Binding.bindPort(5000));
    }

    @Test
    void everyNetwork() {
        ContainerSpec spec = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    networks:
                      - my-network                 # 기존 네트워크 연결
                      - bridge                     # Docker 기본 브리지
                """);

        assertThat(spec.hostConfig().getNetworkMode()).isEqualTo("my-network");
        assertThat(spec.extraNetworks()).containsExactly("bridge");
    }

    @Test
    void processOptions() {
        ContainerSpec spec = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    hostname: model-compose-host   # 컨테이너 호스트명
                    command:                       # CMD 오버라이드
                      - python
                      - -m
                      - mindor.cli.compose
                      - up
                      - --verbose
                    entrypoint: /bin/bash          # ENTRYPOINT 오버라이드
                    working_dir: /app              # 작업 디렉토리
                    user: "1000:1000"              # 사용자:그룹 ID
                """);

        assertThat(spec.hostname()).isEqualTo("model-compose-host");
        assertThat(spec.cmd()).containsExactly("python", "-m", "mindor.cli.compose", "up", "--verbose");
        assertThat(spec.entrypoint()).containsExactly("/bin/bash");
        assertThat(spec.workingDir()).isEqualTo("/app");
        assertThat(spec.user()).isEqualTo("1000:1000");
    }

    @Test
    void resourceLimits() {
        HostConfig host = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    mem_limit: 2g                  # 메모리 제한 (512m, 2g 등)
                    memswap_limit: 4g              # 메모리 + 스왑 제한
                    cpus: "2.0"                    # CPU 할당 (0.5, 2.0 등)
                    cpu_shares: 1024               # 상대적 CPU 가중치
                """).hostConfig();

        assertThat(host.getMemory()).isEqualTo(2L << 30);
        assertThat(host.getMemorySwap()).isEqualTo(4L << 30);
        assertThat(host.getNanoCPUs()).isEqualTo(2_000_000_000L);
        assertThat(host.getCpuShares()).isEqualTo(1024);
    }

    @Test
    void restartAlways() {
        assertThat(spec(dir, """
                controller:
                  runtime:
                    type: docker
                    restart: always                # no, always, on-failure, unless-stopped
                """).hostConfig().getRestartPolicy().getName()).isEqualTo("always");
    }

    @Test
    void healthcheckListAndStringForms() {
        ContainerSpec list = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    healthcheck:
                      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]
                      interval: 30s                # 체크 간격
                      timeout: 10s                 # 타임아웃
                      max_retry_count: 3           # 최대 재시도 횟수
                      start_period: 40s            # 시작 유예 시간
                """);
        ContainerSpec string = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    healthcheck:
                      test: "curl -f http://localhost:8080/health || exit 1"
                """);

        assertThat(list.healthcheck().getTest()).containsExactly("CMD", "curl", "-f", "http://localhost:8080/health");
        assertThat(list.healthcheck().getStartPeriod()).isEqualTo(40_000_000_000L);
        assertThat(list.healthcheck().getRetries()).isEqualTo(3);
        assertThat(string.healthcheck().getTest())
                .containsExactly("CMD-SHELL", "curl -f http://localhost:8080/health || exit 1");
    }

    @Test
    void securityLoggingAndLabels() {
        HostConfig security = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    privileged: false              # 권한 모드 (보안상 비권장)
                    security_opt:
                      - apparmor=unconfined
                      - seccomp=unconfined
                """).hostConfig();
        HostConfig logging = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    logging:
                      driver: json-file
                      options:
                        max-size: "10m"
                        max-file: "3"
                """).hostConfig();
        ContainerSpec labels = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    labels:
                      environment: production
                      team: ml-ops
                      version: "1.0.0"
                """);

        assertThat(security.getPrivileged()).isFalse();
        assertThat(security.getSecurityOpts()).containsExactly("apparmor=unconfined", "seccomp=unconfined");
        assertThat(logging.getLogConfig().getConfig()).containsEntry("max-size", "10m").containsEntry("max-file", "3");
        assertThat(labels.labels()).containsEntry("team", "ml-ops").containsEntry("version", "1.0.0");
    }
}
