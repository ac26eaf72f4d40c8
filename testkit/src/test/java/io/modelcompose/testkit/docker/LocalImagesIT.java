package io.modelcompose.testkit.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import java.io.IOException;
import org.junit.jupiter.api.Test;

@RequiresDocker
class LocalImagesIT {

    @Test
    void jreBaseIsBuiltOnceAndCarriesItsRecipeHash() throws IOException {
        String tag = LocalImages.jreBase();
        try (DockerClient client = TestDocker.newClient()) {
            String firstId = client.inspectImageCmd(tag).exec().getId();

            long start = System.nanoTime();
            LocalImages.jreBase();
            long secondMillis = (System.nanoTime() - start) / 1_000_000;

            InspectImageResponse image = client.inspectImageCmd(tag).exec();
            assertThat(image.getId()).isEqualTo(firstId);
            assertThat(image.getConfig().getLabels()).containsEntry(LocalImages.RECIPE_LABEL,
                    new JreBaseRecipe().recipeHash());
            assertThat(image.getConfig().getEnv()).contains("JAVA_HOME=/opt/java");
            assertThat(secondMillis).isLessThan(5_000);
        }
    }
}
