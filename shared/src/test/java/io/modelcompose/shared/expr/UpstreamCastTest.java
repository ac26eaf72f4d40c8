package io.modelcompose.shared.expr;

import static io.modelcompose.shared.expr.ExprFixtures.list;
import static io.modelcompose.shared.expr.ExprFixtures.map;
import static io.modelcompose.shared.expr.ExprFixtures.renderInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The casts of upstream's files: UI hints, markdown, stream, media types as data URLs, formats, annotations. */
class UpstreamCastTest {

    @Test
    void uiHintsKeepTheValue() {
        assertThat(renderInput("${input.model as select/dall-e-2,dall-e-3}", map("model", "dall-e-3")))
                .isEqualTo("dall-e-3");
        assertThat(renderInput("${input.fps as select/24,30,60 | 30}", map())).isEqualTo(30L);
        assertThat(renderInput("${input.x as any}", map("x", map("a", 1)))).isEqualTo(map("a", 1));
        assertThat(renderInput("${input.x as slider/0,10,1}", map("x", 3))).isEqualTo(3);
    }

    @Test
    void markdownAndStreamGiveText() {
        assertThat(renderInput("${input.x as markdown}", map("x", 5))).isEqualTo("5");
        assertThat(renderInput("${input.x as stream/text}", map("x", "line1\nline2"))).isEqualTo("line1\nline2");
        assertThat(renderInput("${input.x as stream/json}", map("x", map("a", 1)))).isEqualTo("{\"a\":1}");
    }

    @Test
    void annotationsDescribeAndDoNotChangeTheValue() {
        assertThat(renderInput("${input.score as integer @(description Test score from 0 to 100)}",
                map("score", "90"))).isEqualTo(90L);
        assertThat(renderInput("${input.name | world @(description Who to greet (a name))}", map()))
                .isEqualTo("world");
        assertThat(renderInput("hi ${input.name as text @(description x)}!", map("name", "ada")))
                .isEqualTo("hi ada!");
    }

    @Test
    void mediaCastsGiveDataUrls() {
        assertThat(renderInput("${input.a as audio;base64}", map("a", "UklGRg=="))).isEqualTo(
                "data:audio/wav;base64,UklGRg==");
        assertThat(renderInput("${input.a as audio/mp3;base64}", map("a", "SUQz"))).isEqualTo(
                "data:audio/mp3;base64,SUQz");
        assertThat(renderInput("${input.a as audio/pcm[sample_rate=24000,channels=1];base64}", map("a", "AAAA")))
                .isEqualTo("data:audio/pcm;sample_rate=24000;channels=1;base64,AAAA");
        assertThat(renderInput("${input.i as image/png}", map("i", "png".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("data:image/png;base64,cG5n");
        assertThat(renderInput("${input.i as image}", map("i", "data:image/jpeg;base64,/9j/")))
                .isEqualTo("data:image/jpeg;base64,/9j/");
        assertThat(renderInput("${input.v as video;url}", map("v", "https://example.com/a.mp4")))
                .isEqualTo("https://example.com/a.mp4");
        assertThat(renderInput("${input.f as file;base64}", map("f", "eA=="))).isEqualTo(
                "data:application/octet-stream;base64,eA==");
        assertThat(renderInput("${input.i as image[];url}", map("i", list("u1", "u2")))).isEqualTo(list("u1", "u2"));
    }

    @Test
    void mediaCastOfPlainTextIsAClearError() {
        assertThatThrownBy(() -> renderInput("${input.i as image}", map("i", "not an image")))
                .hasMessageContaining("cannot convert 'not an image' to image (give bytes, a data URL, "
                        + "or base64 text with ';base64')");
    }

    @Test
    void primitiveCastsDecodeBase64AndDataUrlsAndProjectObjects() {
        assertThat(renderInput("${input.t as text;base64}", map("t", "aGVsbG8="))).isEqualTo("hello");
        assertThat(renderInput("${input.t as json;data-uri}", map("t", "data:application/json,%7B%22a%22%3A1%7D")))
                .isEqualTo(map("a", 1));
        assertThat(renderInput("${input.r as object[]/id,meta.text}", map("r", list(map("id", 1, "x", 2, "meta",
                map("text", "a")))))).isEqualTo(list(map("id", 1, "text", "a")));
    }
}
