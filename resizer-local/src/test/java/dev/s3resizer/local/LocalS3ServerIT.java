package dev.s3resizer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3resizer.local.RecordingListener.Arrival;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The local endpoint through the real AWS SDK v2 client: writes, events, restarts, auth. */
class LocalS3ServerIT {

    private static final String BUCKET = LocalS3Fixture.BUCKET;

    @TempDir
    Path dataDir;

    private LocalS3Fixture local;

    @BeforeEach
    void start() {
        local = new LocalS3Fixture(dataDir);
    }

    @AfterEach
    void stop() {
        local.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "red flower.jpg              | red+flower.jpg",
        "c++/a+b.jpg                 | c%2B%2B/a%2Bb.jpg",
        "100% real.jpg               | 100%25+real.jpg",
        "photo (1).jpg               | photo+%281%29.jpg",
        "café/日本 写真.jpg           | caf%C3%A9/%E6%97%A5%E6%9C%AC+%E5%86%99%E7%9C%9F.jpg",
        "dir/sub dir/x=1&y=2;z:w.jpg | dir/sub+dir/x%3D1%26y%3D2%3Bz%3Aw.jpg"})
    void putEmitsObjectCreatedPutWithTheKeyEncodedAsAws(String key, String encodedKey) throws InterruptedException {
        byte[] body = ("content of " + key).getBytes(StandardCharsets.UTF_8);
        PutObjectResponse put = local.s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(body));

        Arrival arrival = local.events.next();
        var record = arrival.record();
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getS3().getObject().getKey()).isEqualTo(encodedKey);
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo(key);
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(body.length);
        assertThat(record.getS3().getObject().getETag()).isEqualTo(unquote(put.eTag()));
        assertThat(arrival.thread()).as("delivered off the request thread").startsWith("s3-events-");
        assertThat(arrival.objectWhenArrived()).as("object readable when the event arrives").isNotNull();
        assertThat(arrival.objectWhenArrived().contentLength()).isEqualTo(body.length);
    }

    @Test
    void recordCarriesTheAwsEnvelopeAndSurvivesAJsonRoundTrip() throws InterruptedException {
        local.s3.putObject(b -> b.bucket(BUCKET).key("a.jpg"), RequestBody.fromString("x"));

        S3EventNotification event = local.events.next().notification();
        var record = event.getRecords().getFirst();
        assertThat(record.getEventVersion()).isEqualTo("2.1");
        assertThat(record.getEventSource()).isEqualTo("aws:s3");
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(record.getEventTime()).isBetween(Instant.now().minusSeconds(30), Instant.now());
        assertThat(record.getS3().getBucket().getName()).isEqualTo(BUCKET);
        assertThat(record.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::" + BUCKET);
        assertThat(record.getS3().getObject().getSequencer()).matches("[0-9A-F]{16}");
        assertThat(S3EventNotification.fromJson(event.toJson())).isEqualTo(event);
    }

    @Test
    void multipartUploadEmitsOneCompleteEventAndNothingForItsInternalStub() throws InterruptedException {
        String key = "big photo+raw.tif";
        int partSize = 5 * 1024 * 1024;
        var upload = local.s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key));
        List<CompletedPart> parts = new ArrayList<>();
        for (int number = 1; number <= 3; number++) {
            byte[] part = new byte[partSize];
            Arrays.fill(part, (byte) number);
            int partNumber = number;
            var response = local.s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(upload.uploadId())
                    .partNumber(partNumber), RequestBody.fromBytes(part));
            parts.add(CompletedPart.builder()
                    .partNumber(partNumber).eTag(response.eTag()).build());
        }
        var completed = local.s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key)
                .uploadId(upload.uploadId()).multipartUpload(m -> m.parts(parts)));

        Arrival arrival = local.events.next();
        var object = arrival.record().getS3().getObject();
        assertThat(arrival.record().getEventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(object.getUrlDecodedKey()).isEqualTo(key);
        assertThat(object.getSizeAsLong()).isEqualTo(3L * partSize);
        assertThat(object.getETag()).isEqualTo(unquote(completed.eTag())).endsWith("-3");
        assertThat(arrival.objectWhenArrived().contentLength()).isEqualTo(3L * partSize);
        local.events.assertNoMore(Duration.ofMillis(300));
    }

    @Test
    void copyEmitsObjectCreatedCopyForTheDestination() throws InterruptedException {
        PutObjectResponse put = local.s3.putObject(b -> b.bucket(BUCKET).key("in/a b.jpg"),
                RequestBody.fromString("source bytes"));
        local.events.next();

        local.s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("in/a b.jpg")
                .destinationBucket(LocalS3Fixture.OTHER_BUCKET).destinationKey("out/a+b (copy).jpg"));

        var record = local.events.next().record();
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Copy");
        assertThat(record.getS3().getBucket().getName()).isEqualTo(LocalS3Fixture.OTHER_BUCKET);
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("out/a+b (copy).jpg");
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo("source bytes".length());
        assertThat(record.getS3().getObject().getETag()).isEqualTo(unquote(put.eTag()));
    }

    @Test
    void deleteAndMultiDeleteEmitObjectRemovedPerKeyOnceTheObjectIsGone() throws InterruptedException {
        for (String key : List.of("one 1.jpg", "two+2.jpg", "three%3.jpg")) {
            local.s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
            local.events.next();
        }

        local.s3.deleteObject(b -> b.bucket(BUCKET).key("one 1.jpg"));
        Arrival single = local.events.next();
        assertThat(single.record().getEventName()).isEqualTo("ObjectRemoved:Delete");
        assertThat(single.record().getS3().getObject().getUrlDecodedKey()).isEqualTo("one 1.jpg");
        assertThat(single.objectWhenArrived()).as("object gone when the event arrives").isNull();

        local.s3.deleteObjects(b -> b.bucket(BUCKET).delete(d -> d.objects(
                ObjectIdentifier.builder().key("two+2.jpg").build(),
                ObjectIdentifier.builder().key("three%3.jpg").build())));
        List<String> removed = List.of(local.events.next(), local.events.next()).stream()
                .peek(a -> assertThat(a.record().getEventName()).isEqualTo("ObjectRemoved:Delete"))
                .map(a -> a.record().getS3().getObject().getUrlDecodedKey()).toList();
        assertThat(removed).containsExactlyInAnyOrder("two+2.jpg", "three%3.jpg");
    }

    @Test
    void deletingAMissingKeySucceedsAndStillEmitsObjectRemoved() throws InterruptedException {
        local.s3.deleteObject(b -> b.bucket(BUCKET).key("never-there.jpg"));

        var record = local.events.next().record();
        assertThat(record.getEventName()).isEqualTo("ObjectRemoved:Delete");
        assertThat(record.getS3().getObject().getUrlDecodedKey()).isEqualTo("never-there.jpg");
    }

    @Test
    void eventsForOneKeyArriveInWriteOrderWithGrowingSequencers() throws InterruptedException {
        List<String> eTags = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = "version " + i;
            eTags.add(unquote(local.s3.putObject(b -> b.bucket(BUCKET).key("same.jpg"),
                    RequestBody.fromString(body)).eTag()));
        }
        local.s3.deleteObject(b -> b.bucket(BUCKET).key("same.jpg"));

        String previous = "";
        for (int i = 0; i < 20; i++) {
            var object = local.events.next().record().getS3().getObject();
            assertThat(object.getETag()).isEqualTo(eTags.get(i));
            assertThat(object.getSequencer()).isGreaterThan(previous);
            previous = object.getSequencer();
        }
        var last = local.events.next().record();
        assertThat(last.getEventName()).isEqualTo("ObjectRemoved:Delete");
        assertThat(last.getS3().getObject().getSequencer()).isGreaterThan(previous);
    }

    @Test
    void failedWritesEmitNothing() throws InterruptedException {
        assertThatThrownBy(() -> local.s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("missing.jpg")
                .destinationBucket(BUCKET).destinationKey("copy.jpg")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> local.s3.putObject(b -> b.bucket("no-such-bucket").key("a.jpg"),
                RequestBody.fromString("x"))).isInstanceOf(S3Exception.class);

        local.events.assertNoMore(Duration.ofMillis(300));
    }

    @Test
    void requestsSignedWithAnotherSecretAreRejected() throws InterruptedException {
        try (S3Client stranger = LocalS3Fixture.client(local.server.endpoint(), "not-the-secret")) {
            assertThatThrownBy(() -> stranger.putObject(b -> b.bucket(BUCKET).key("a.jpg"),
                    RequestBody.fromString("x")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        local.events.assertNoMore(Duration.ofMillis(300));
    }

    private static String unquote(String eTag) {
        return eTag.replace("\"", "");
    }
}
