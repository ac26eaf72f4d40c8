package io.modelcompose.runtimeagent;

import static io.modelcompose.runtimeagent.testing.SeedConfigs.load;
import static io.modelcompose.runtimeagent.testing.SeedConfigs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.modelcompose.runtimeagent.container.ContainerSpec;
import io.modelcompose.shared.config.docker.DockerOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML blocks of the seed's 14.2.3, 14.3 and 14.4, loaded by the config loader and mapped. */
class SeedVolumesAndProductionTest {
    @TempDir
    Path dir;

    @Test
    void shortVolumes() {
        List<Mount> mounts = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    volumes:
                      - ./models:/models           # 바인드 마운트
                      - ./cache:/cache:ro          # 읽기 전용
                      - model-data:/data           # Named 볼륨
                """).hostConfig().getMounts();

        assertThat(mounts).extracting(Mount::getType).containsExactly(MountType.BIND, MountType.BIND, MountType.VOLUME);
        assertThat(mounts.get(0).getSource()).isEqualTo(dir.resolve("models").toString());
        assertThat(mounts.get(1).getReadOnly()).isTrue();
        assertThat(mounts.get(2).getSource()).isEqualTo("model-data");
    }

    @Test
    void longVolumes() {
        List<Mount> mounts = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    volumes:
                      # 바인드 마운트
                      - type: bind
                        source: ./models           # 호스트 경로
                        target: /models            # 컨테이너 경로
                        read_only: false
                        bind:
                          propagation: rprivate

                      # Named 볼륨
                      - type: volume
                        source: model-data         # 볼륨 이름
                        target: /data
                        volume:
                          nocopy: false

                      # tmpfs (임시 메모리)
                      - type: tmpfs
                        target: /tmp
                        tmpfs:
                          size: 1073741824         # 1GB (바이트)
                          mode: 1777
                """).hostConfig().getMounts();

        assertThat(mounts.get(0).getBindOptions().getPropagation().name()).isEqualTo("R_PRIVATE");
        assertThat(mounts.get(1).getVolumeOptions().getNoCopy()).isFalse();
        assertThat(mounts.get(2).getTmpfsOptions().getSizeBytes()).isEqualTo(1073741824L);
        assertThat(mounts.get(2).getTmpfsOptions().getMode()).isEqualTo(01777);
    }

    @Test
    void environmentFromTheHost() {
        ContainerSpec spec = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    environment:
                      OPENAI_API_KEY: ${env.OPENAI_API_KEY}   # 호스트 환경 변수 전달
                      MODEL_CACHE_DIR: /models
                      LOG_LEVEL: info
                      WORKERS: 4
                """);

        assertThat(spec.env()).contains("OPENAI_API_KEY=sk-proj-test", "MODEL_CACHE_DIR=/models", "LOG_LEVEL=info",
                "WORKERS=4");
    }

    @Test
    void envFiles() throws IOException {
        Files.writeString(dir.resolve(".env"), "LOG_LEVEL=debug\nOPENAI_API_KEY=sk-from-file\n");
        Files.writeString(dir.resolve(".env.production"), "LOG_LEVEL=warning\nDB_PASSWORD=secret\n");

        ContainerSpec spec = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    env_file:
                      - .env                       # 단일 파일
                      - .env.production            # 여러 파일
                """);

        assertThat(spec.env()).contains("LOG_LEVEL=warning", "OPENAI_API_KEY=sk-from-file", "DB_PASSWORD=secret");
    }

    @Test
    void customDockerfileAndRegistryImage() {
        DockerOptions custom = load(dir, """
                controller:
                  type: http-server
                  port: 8080
                  runtime:
                    type: docker
                    build:
                      context: .                   # 빌드 컨텍스트 (프로젝트 루트)
                      dockerfile: Dockerfile       # 커스텀 Dockerfile (필수)
                """);
        ContainerSpec registry = spec(dir, """
                controller:
                  type: http-server
                  port: 8080
                  runtime:
                    type: docker
                    image: my-registry.com/model-compose:1.0
                    container_name: model-compose-prod
                """);

        assertThat(custom.build().dockerfile()).isEqualTo("Dockerfile");
        assertThat(registry.image()).isEqualTo("my-registry.com/model-compose:1.0");
        assertThat(registry.name()).isEqualTo("model-compose-prod");
    }

    @Test
    void multiStageTargets() {
        for (String target : List.of("runtime", "development")) {
            DockerOptions options = load(dir, """
                    controller:
                      runtime:
                        type: docker
                        build:
                          context: .
                          target: %s
                    """.formatted(target));

            assertThat(options.build().target()).isEqualTo(target);
            assertThat(options.build().dockerfile()).isNull();
        }
    }

    @Test
    void productionLimitsRestartAndHealthcheck() {
        HostConfig memory = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    mem_limit: 4g                  # 최대 4GB 메모리
                    memswap_limit: 6g              # 메모리 + 스왑 6GB
                """).hostConfig();
        HostConfig cpu = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    cpus: "2.0"                    # 최대 2 CPU 코어 사용
                    cpu_shares: 1024               # 상대적 CPU 가중치
                """).hostConfig();
        HostConfig restart = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    restart: unless-stopped        # 수동 중지 전까지 항상 재시작
                """).hostConfig();
        ContainerSpec custom = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    healthcheck:
                      test: ["CMD-SHELL", "python -c 'import requests; requests.get(\\"http://localhost:8080/health\\")' || exit 1"]
                      interval: 20s
                """);

        assertThat(memory.getMemory()).isEqualTo(4L << 30);
        assertThat(memory.getMemorySwap()).isEqualTo(6L << 30);
        assertThat(cpu.getNanoCPUs()).isEqualTo(2_000_000_000L);
        assertThat(restart.getRestartPolicy().getName()).isEqualTo("unless-stopped");
        assertThat(custom.healthcheck().getTest()).containsExactly("CMD-SHELL",
                "python -c 'import requests; requests.get(\"http://localhost:8080/health\")' || exit 1");
        assertThat(custom.healthcheck().getInterval()).isEqualTo(20_000_000_000L);
    }

    @Test
    void securityNetworksSecretsAndPersistence() {
        ContainerSpec nonRoot = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    privileged: false              # 항상 false 권장
                    user: "1000:1000"              # 비루트 사용자
                """);
        ContainerSpec secrets = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    environment:
                      OPENAI_API_KEY: ${env.OPENAI_API_KEY}     # 호스트에서 주입
                      DB_PASSWORD: ${env.DB_PASSWORD}
                """);
        ContainerSpec isolated = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    networks:
                      - isolated-network           # 격리된 네트워크 사용
                """);
        ContainerSpec data = spec(dir, """
                controller:
                  runtime:
                    type: docker
                    volumes:
                      - ./data:/data               # 로컬 데이터 디렉토리
                      - model-cache:/cache         # Named 볼륨
                      - ./logs:/app/logs           # 로그 디렉토리
                """);

        assertThat(nonRoot.user()).isEqualTo("1000:1000");
        assertThat(nonRoot.hostConfig().getPrivileged()).isFalse();
        assertThat(secrets.env()).contains("OPENAI_API_KEY=sk-proj-test", "DB_PASSWORD=secret");
        assertThat(isolated.hostConfig().getNetworkMode()).isEqualTo("isolated-network");
        assertThat(data.hostConfig().getMounts()).extracting(Mount::getTarget)
                .containsExactly("/data", "/cache", "/app/logs");
    }
}
