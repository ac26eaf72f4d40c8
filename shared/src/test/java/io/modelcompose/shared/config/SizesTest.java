package io.modelcompose.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcompose.shared.error.ComposeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @ParameterizedTest
    @CsvSource({"512m,536870912", "2g,2147483648", "2G,2147483648", "1024,1024", "10k,10240", "1.5g,1610612736",
            "100b,100", "10kb,10240", "1MB,1048576"})
    void parsesSizeText(String text, long bytes) {
        assertThat(Sizes.parseBytes(text)).isEqualTo(bytes);
    }

    @Test
    void parsesNumbersAsBytes() {
        assertThat(Sizes.parseBytes(1073741824)).isEqualTo(1_073_741_824L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2x", "", "g", "-1m", "1.5", "99999999999g"})
    void rejectsInvalidSizes(String text) {
        assertThatThrownBy(() -> Sizes.parseBytes(text)).isInstanceOf(ComposeException.class)
                .hasMessageContaining("'" + text + "'");
    }
}
