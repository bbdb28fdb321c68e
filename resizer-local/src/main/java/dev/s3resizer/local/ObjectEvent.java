package dev.s3resizer.local;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import software.amazon.awssdk.eventnotifications.s3.model.RequestParameters;
import software.amazon.awssdk.eventnotifications.s3.model.ResponseElements;
import software.amazon.awssdk.eventnotifications.s3.model.S3;
import software.amazon.awssdk.eventnotifications.s3.model.S3Bucket;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import software.amazon.awssdk.eventnotifications.s3.model.S3Object;
import software.amazon.awssdk.eventnotifications.s3.model.UserIdentity;

/**
 * One change to one object, as the store saw it, before it is turned into the S3 event
 * notification JSON model. Size and eTag are null for removals, as in AWS records.
 */
record ObjectEvent(String eventName, String bucket, String key, Long size, String eTag,
        String versionId, Instant time) {

    static final String OBJECT_CREATED_PUT = "ObjectCreated:Put";
    static final String OBJECT_CREATED_COPY = "ObjectCreated:Copy";
    static final String OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD = "ObjectCreated:CompleteMultipartUpload";
    static final String OBJECT_REMOVED_DELETE = "ObjectRemoved:Delete";

    private static final String PRINCIPAL = "resizer-local";
    private static final String CONFIGURATION_ID = "resizer-local";

    /**
     * Encodes a key the way AWS writes it into event records: form encoding in UTF-8 (a space
     * becomes {@code +}, {@code +} becomes {@code %2B}, {@code %} becomes {@code %25}, non-ASCII
     * becomes percent-encoded UTF-8 bytes) except that {@code /} is left as it is. Decoding with
     * {@code URLDecoder} (the SDK's {@code getUrlDecodedKey()}) gives the key back.
     */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** The notification AWS would send for this change: one record, event version 2.1. */
    S3EventNotification toNotification(String region, String sequencer) {
        S3Bucket s3Bucket = new S3Bucket(bucket, new UserIdentity(PRINCIPAL), "arn:aws:s3:::" + bucket);
        S3Object s3Object = new S3Object(encodeKey(key), size, eTag, versionId, sequencer);
        S3EventNotificationRecord record = new S3EventNotificationRecord();
        record.setEventVersion("2.1");
        record.setEventSource("aws:s3");
        record.setAwsRegion(region);
        record.setEventTime(time.truncatedTo(ChronoUnit.MILLIS));
        record.setEventName(eventName);
        record.setUserIdentity(new UserIdentity(PRINCIPAL));
        record.setRequestParameters(new RequestParameters("127.0.0.1"));
        record.setResponseElements(new ResponseElements(sequencer, sequencer));
        record.setS3(new S3(CONFIGURATION_ID, s3Bucket, s3Object, "1.0"));
        return new S3EventNotification(List.of(record));
    }
}
