package dev.s3resizer.service.event;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequencerTest {

    @Test
    void comparesAfterLeftPaddingTheShorterWithZeros() {
        assertThat(Sequencer.of("0055AED6DCD90281E6").isAfter(Sequencer.of("0055AED6DCD90281E5"))).isTrue();
        assertThat(Sequencer.of("FF").isAfter(Sequencer.of("0100"))).isFalse();
        assertThat(Sequencer.of("100").isAfter(Sequencer.of("FF"))).isTrue();
        assertThat(Sequencer.of("00FF").compareTo(Sequencer.of("ff"))).isZero();
    }

    @Test
    void missingOrMalformedSequencersAreNull() {
        assertThat(Sequencer.of(null)).isNull();
        assertThat(Sequencer.of("")).isNull();
        assertThat(Sequencer.of("not-hex")).isNull();
        assertThatThrownBy(() -> new Sequencer("xyz")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("xyz");
    }

    @Test
    void parserReadsTheSequencerOfS3AndEventBridgeRecords() throws IOException {
        List<ObjectEvent> s3 = EventParser.parse(EventParserTest.fixture("put-encoded-keys.json"));
        List<ObjectEvent> bridge = EventParser.parse(EventParserTest.fixture("eventbridge-created.json"));
        List<ObjectEvent> none = EventParser.parse("""
                {"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":"k"}}}]}""");

        assertThat(s3).extracting(ObjectEvent::sequencer).extracting(Sequencer::hex)
                .containsExactly("0055AED6DCD90281E5", "0055AED6DCD90281E6", "0055AED6DCD90281E7");
        assertThat(bridge.getFirst().sequencer()).isEqualTo(Sequencer.of("00617F08299329D189"));
        assertThat(none.getFirst().sequencer()).isNull();
    }
}
