package io.modelcompose.runtimeagent.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageCmd;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.core.NameParser;
import io.modelcompose.runtimeagent.docker.EngineErrors;
import io.modelcompose.shared.error.ComposeException;
import io.modelcompose.shared.error.ErrorCode;
import java.util.concurrent.TimeUnit;

/** Pulls one image reference, with the registry's credentials when {@code config.json} has them. */
final class ImagePuller {
    private static final long PULL_TIMEOUT_MINUTES = 30;

    private final DockerClient client;
    private final RegistryAuths auths;

    ImagePuller(DockerClient client, RegistryAuths auths) {
        this.client = client;
        this.auths = auths;
    }

    void pull(String reference) {
        NameParser.ReposTag reposTag = NameParser.parseRepositoryTag(reference);
        String tag = reposTag.tag == null || reposTag.tag.isEmpty() ? "latest" : reposTag.tag;
        String registry = NameParser.resolveRepositoryName(reposTag.repos).hostname;
        PullImageCmd cmd = client.pullImageCmd(reposTag.repos).withTag(tag);
        auths.forRegistry(registry).ifPresent(cmd::withAuthConfig);
        boolean finished;
        try {
            finished = cmd.exec(new PullImageResultCallback()).awaitCompletion(PULL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComposeException(ErrorCode.CANCELLED, "pull of " + reference + " was interrupted", e);
        } catch (RuntimeException e) {
            throw new ComposeException(ErrorCode.RUNTIME_FAILED, "pull of " + reference + " failed: "
                    + EngineErrors.engineMessage(e), e);
        }
        if (!finished) {
            throw new ComposeException(ErrorCode.TIMEOUT, "pull of " + reference + " did not finish in "
                    + PULL_TIMEOUT_MINUTES + " min");
        }
    }
}
