package io.modelcompose.gateway;

import static io.modelcompose.gateway.GatewayHarness.BASE;
import static io.modelcompose.gateway.GatewayHarness.assertDetail;
import static io.modelcompose.gateway.GatewayHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.modelcompose.gateway.http.ApiTokenAuth;
import io.modelcompose.shared.config.ComposeConfig;
import io.modelcompose.shared.config.ControllerConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ApiTokenTest {
    private static final String TOKEN = "t0ken-for-tests";

    private static ComposeConfig config(String host, String configured, Map<String, String> env) {
        ComposeConfig base = GatewayHarness.config(BASE, 0);
        ControllerConfig c = base.controller();
        ControllerConfig controller = new ControllerConfig(c.name(), c.type(), host, c.port(), c.basePath(),
                c.maxConcurrentCount(), c.threaded(), c.runtime(), c.broker(), c.shutdownTimeout(), c.location(),
                configured);
        return new ComposeConfig(controller, base.components(), base.workflows(), base.loggers(), env, base.files());
    }

    private static WebClient start(Vertx vertx, ComposeConfig config) {
        GatewayVerticle gateway = new GatewayVerticle(config, new FakeRunBackend(vertx), GatewayOptions.defaults());
        await(vertx.deployVerticle(gateway));
        return WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
                .setDefaultPort(gateway.actualPort()));
    }

    @Test
    void requiresTheBearerTokenOnApiRoutesButNotOnHealthAndReadiness(Vertx vertx) {
        WebClient client = start(vertx, config("127.0.0.1", TOKEN, Map.of()));

        HttpResponse<Buffer> anonymous = await(client.get(BASE + "/workflows").send());
        HttpResponse<Buffer> wrong = await(client.get(BASE + "/workflows").bearerTokenAuthentication("t0ken-for-test")
                .send());
        HttpResponse<Buffer> right = await(client.get(BASE + "/workflows").bearerTokenAuthentication(TOKEN).send());

        assertThat(assertDetail(anonymous, 401)).contains("Authorization: Bearer");
        assertThat(anonymous.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertDetail(wrong, 401);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(await(client.get("/health").send()).statusCode()).isEqualTo(200);
        assertThat(await(client.get(BASE + "/health").send()).statusCode()).isEqualTo(200);
        assertThat(await(client.get(BASE + "/readiness").send()).statusCode()).isNotEqualTo(401);
        assertDetail(await(client.post(BASE + "/workflows/runs").sendBuffer(Buffer.buffer("{}"))), 401);
    }

    @Test
    void takesTheTokenFromComposeApiTokenWhenTheConfigHasNone(Vertx vertx) {
        WebClient client = start(vertx, config("127.0.0.1", null, Map.of(ApiTokenAuth.ENV_VARIABLE, TOKEN)));

        assertDetail(await(client.get(BASE + "/workflows").send()), 401);
        assertThat(await(client.get(BASE + "/workflows").bearerTokenAuthentication(TOKEN).send()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void leavesEveryRouteOpenWithoutAToken(Vertx vertx) {
        WebClient client = start(vertx, config("127.0.0.1", null, Map.of()));

        assertThat(await(client.get(BASE + "/workflows").send()).statusCode()).isEqualTo(200);
    }

    @Test
    void warnsOnlyWhenListeningBeyondLoopbackWithoutAToken() {
        assertThat(ApiTokenAuth.of(config("0.0.0.0", null, Map.of())).exposureWarning("0.0.0.0"))
                .hasValueSatisfying(w -> assertThat(w).contains("0.0.0.0").contains("without an API token"));
        assertThat(ApiTokenAuth.of(config("0.0.0.0", TOKEN, Map.of())).exposureWarning("0.0.0.0")).isEmpty();
        assertThat(ApiTokenAuth.of(config("127.0.0.1", null, Map.of())).exposureWarning("127.0.0.1")).isEmpty();
        assertThat(ApiTokenAuth.of(config("::1", null, Map.of())).exposureWarning("::1")).isEmpty();
    }

    @Test
    void neverPrintsTheTokenInTheControllerDescription() {
        assertThat(config("127.0.0.1", TOKEN, Map.of()).controller().toString()).doesNotContain(TOKEN);
    }
}
