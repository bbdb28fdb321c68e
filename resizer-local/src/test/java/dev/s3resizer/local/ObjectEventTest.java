package dev.s3resizer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;

class ObjectEventTest {

    /** Expected forms follow the AWS rule: form encoding in UTF-8 with '/' kept. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "red flower.jpg         | red+flower.jpg",
        "a+b.jpg                | a%2Bb.jpg",
        "50%.jpg                | 50%25.jpg",
        "photo (1).jpg          | photo+%281%29.jpg",
        "été/ß.jpg              | %C3%A9t%C3%A9/%C3%9F.jpg",
        "2017-11-15 14:22:21.csv | 2017-11-15+14%3A22%3A21.csv",
        "dt=2018-05-04/_SUCCESS | dt%3D2018-05-04/_SUCCESS",
        "~a*b'c!d.jpg           | %7Ea*b%27c%21d.jpg",
        "already%2Fencoded.jpg  | already%252Fencoded.jpg",
        "a//b/                  | a//b/"})
    void encodesKeysLikeS3EventNotifications(String key, String expected) {
        assertThat(ObjectEvent.encodeKey(key)).isEqualTo(expected);
    }

    @Test
    void removalRecordHasNoSizeOrETagAndParsesBackWithTheSdkModel() {
        var event = new ObjectEvent(ObjectEvent.OBJECT_REMOVED_DELETE, "incoming", "a b/c+d.jpg", null, null,
                null, Instant.parse("2026-01-02T03:04:05.678912Z"));

        String json = event.toNotification("eu-west-1", "00000000000000A1").toJson();
        var record = S3EventNotification.fromJson(json).getRecords().getFirst();

        assertThat(record.getEventName()).isEqualTo("ObjectRemoved:Delete");
        assertThat(record.getAwsRegion()).isEqualTo("eu-west-1");
        assertThat(record.getEventTime()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
        assertThat(record.getS3().getObject().getKey()).isEqualTo("a+b/c%2Bd.jpg");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("a b/c+d.jpg");
        assertThat(record.getS3().getObject().getSizeAsLong()).isNull();
        assertThat(record.getS3().getObject().getETag()).isNull();
        assertThat(record.getS3().getObject().getSequencer()).isEqualTo("00000000000000A1");
        assertThat(record.getS3().getS3SchemaVersion()).isEqualTo("1.0");
        assertThat(json).contains("\"eventTime\":\"2026-01-02T03:04:05.678Z\"");
    }
}
