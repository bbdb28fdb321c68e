package dev.s3resizer.service.log;

import dev.s3resizer.service.Outcome;
import dev.s3resizer.service.storage.ObjectRef;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsLogTest {

    private final MetricsLog metrics = new MetricsLog(Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));

    @Test
    void processedObjectIsAnEmbeddedMetricFormatLine() {
        Outcome o = new Outcome(Outcome.Status.PROCESSED, ObjectRef.of("incoming", "a.jpg"), "3 renditions",
                List.of(new Outcome.Written("thumb", "thumb/a.jpg", 320, 240, 20_000)), 2_000_000, Map.of());

        Map<String, JsonNode> line = JsonNodeParser.create().parse(metrics.outcome(o, 87)).asObject();

        Map<String, JsonNode> aws = line.get("_aws").asObject();
        assertThat(aws.get("Timestamp").asNumber()).isEqualTo("1700000000000");
        Map<String, JsonNode> directive = aws.get("CloudWatchMetrics").asArray().getFirst().asObject();
        assertThat(directive.get("Namespace").asString()).isEqualTo("S3ImageResizer");
        assertThat(directive.get("Metrics").asArray()).extracting(m -> m.asObject().get("Name").asString())
                .containsExactly("ImagesProcessed", "Failures", "BytesSaved", "Duration");
        assertThat(line.get("Outcome").asString()).isEqualTo("processed");
        assertThat(line.get("ImagesProcessed").asNumber()).isEqualTo("1");
        assertThat(line.get("BytesSaved").asNumber()).isEqualTo("1980000");
        assertThat(line.get("Duration").asNumber()).isEqualTo("87");
    }

    @Test
    void failureCountsByReason() {
        Map<String, JsonNode> line = JsonNodeParser.create().parse(metrics.failure("corrupt", 5)).asObject();

        assertThat(line.get("Outcome").asString()).isEqualTo("corrupt");
        assertThat(line.get("Failures").asNumber()).isEqualTo("1");
        assertThat(line.get("ImagesProcessed").asNumber()).isEqualTo("0");
    }
}
