package io.modelcompose.cli.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import io.modelcompose.testkit.docker.RequiresDocker;
import io.modelcompose.testkit.docker.TestDocker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The base image that {@code up} builds on a fresh engine, under a tag of its own (the shared
 * {@code compose/jre-base:17} stays as it is): it has a working JRE 17, a shell, and the {@code app} user.
 */
@RequiresDocker
class JreBaseImageIT {
    private static final String TAG = "compose/jre-base-it:17";

    @Test
    void buildsAJre17ImageFromThisHostAlone() throws Exception {
        try (DockerSession session = DockerSession.open("the test"); DockerClient client = TestDocker.newClient()) {
            try {
                JreBaseImage.build(session, TAG);

                assertThat(session.hasImage(TAG)).isTrue();
                String output = runOnce(client, "sh", "-c", "java -version 2>&1; id -u app; ls -ld /tmp");
                assertThat(output).contains("version \"17").contains("1000").contains("drwxrwxrwt");
            } finally {
                client.removeImageCmd(TAG).withForce(true).exec();
            }
        }
    }

    private static String runOnce(DockerClient client, String... command) throws Exception {
        String id = client.createContainerCmd(TAG).withCmd(command).exec().getId();
        try {
            client.startContainerCmd(id).exec();
            client.waitContainerCmd(id).start().awaitStatusCode(120, TimeUnit.SECONDS);
            StringBuilder output = new StringBuilder();
            client.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    output.append(new String(frame.getPayload()));
                }
            }).awaitCompletion(30, TimeUnit.SECONDS);
            return output.toString();
        } finally {
            client.removeContainerCmd(id).withForce(true).exec();
        }
    }
}
