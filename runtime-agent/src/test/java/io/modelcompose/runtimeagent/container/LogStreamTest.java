package io.modelcompose.runtimeagent.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogStreamTest {
    private static Frame frame(StreamType type, String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void splitsFramesIntoLinesPerStreamAndFlushesTheRestAtTheEnd() {
        List<LogLine> lines = new ArrayList<>();
        LogStream stream = new LogStream(lines::add);

        stream.onNext(frame(StreamType.STDOUT, "hel"));
        stream.onNext(frame(StreamType.STDERR, "oops\r\n"));
        stream.onNext(frame(StreamType.STDOUT, "lo\nwörld\nrest"));
        stream.onComplete();

        assertThat(lines).containsExactly(new LogLine(LogLine.Stream.STDERR, "oops"),
                new LogLine(LogLine.Stream.STDOUT, "hello"), new LogLine(LogLine.Stream.STDOUT, "wörld"),
                new LogLine(LogLine.Stream.STDOUT, "rest"));
        assertThat(stream.done()).isCompleted();
    }

    @Test
    void keepsMultiByteCharactersSplitAcrossFrames() {
        List<LogLine> lines = new ArrayList<>();
        LogStream stream = new LogStream(lines::add);
        byte[] bytes = "한글\n".getBytes(StandardCharsets.UTF_8);

        stream.onNext(new Frame(StreamType.STDOUT, java.util.Arrays.copyOfRange(bytes, 0, 2)));
        stream.onNext(new Frame(StreamType.STDOUT, java.util.Arrays.copyOfRange(bytes, 2, bytes.length)));

        assertThat(lines).containsExactly(new LogLine(LogLine.Stream.STDOUT, "한글"));
    }
}
