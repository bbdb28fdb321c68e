package dev.s3resizer.lambda;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Event JSON in the shapes AWS delivers, every field Lambda passes included (times, ARNs, SQS
 * attributes), so that a runtime deserializer meets what it meets in production.
 */
final class TestEvents {

    /** One SQS message of a Lambda SQS batch. */
    record Message(String id, String body) {
    }

    private TestEvents() {
    }

    /** A direct S3 notification with one {@code ObjectCreated:Put} record per key, keys URL-encoded as S3 sends them. */
    static String s3Put(String bucket, String... encodedKeys) {
        return s3(bucket, "ObjectCreated:Put", encodedKeys);
    }

    static String s3(String bucket, String eventName, String... encodedKeys) {
        return "{\"Records\":[" + List.of(encodedKeys).stream().map(key -> """
                {"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",
                 "eventTime":"2026-12-07T04:00:00.000Z","eventName":"%s",
                 "userIdentity":{"principalId":"AWS:AIDAEXAMPLE"},"requestParameters":{"sourceIPAddress":"203.0.113.9"},
                 "responseElements":{"x-amz-request-id":"C3D13FE58DE4C810","x-amz-id-2":"FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD"},
                 "s3":{"s3SchemaVersion":"1.0","configurationId":"resizer",
                       "bucket":{"name":"%s","ownerIdentity":{"principalId":"A3NL1KOZZKExample"},"arn":"arn:aws:s3:::%s"},
                       "object":{"key":"%s","size":1024,"eTag":"d41d8cd98f00b204e9800998ecf8427e","sequencer":"0055AED6DCD90281E5"}}}"""
                .formatted(eventName, bucket, bucket, key)).collect(Collectors.joining(",")) + "]}";
    }

    /** The same notification as SNS delivers it to an SQS subscription (raw delivery off). */
    static String sns(String inner) {
        return """
                {"Type":"Notification","MessageId":"22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
                 "TopicArn":"arn:aws:sns:us-east-1:000000000000:resizer","Subject":"Amazon S3 Notification",
                 "Message":%s,"Timestamp":"2026-12-07T04:00:01.000Z","SignatureVersion":"1",
                 "Signature":"EXAMPLE","SigningCertURL":"https://sns.us-east-1.amazonaws.com/cert.pem",
                 "UnsubscribeURL":"https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe"}""".formatted(quote(inner));
    }

    /** An EventBridge "Object Created" event; EventBridge keys are not URL-encoded. */
    static String eventBridgeCreated(String bucket, String key) {
        return """
                {"version":"0","id":"17793124-05d4-b198-2fde-7ededc63b103","detail-type":"Object Created",
                 "source":"aws.s3","account":"000000000000","time":"2026-12-07T04:00:02Z","region":"us-east-1",
                 "resources":["arn:aws:s3:::%s"],
                 "detail":{"version":"0","bucket":{"name":"%s"},
                           "object":{"key":"%s","size":1024,"etag":"d41d8cd98f00b204e9800998ecf8427e","sequencer":"00617F08299329D189"},
                           "request-id":"N4N7GDK58NMKJ12R","requester":"000000000000","source-ip-address":"203.0.113.15","reason":"PutObject"}}"""
                .formatted(bucket, bucket, key);
    }

    static Message message(String id, String body) {
        return new Message(id, body);
    }

    /** A Lambda SQS event: the batch of messages as the event source mapping hands it over. */
    static String sqsBatch(Message... messages) {
        return "{\"Records\":[" + List.of(messages).stream().map(m -> """
                {"messageId":"%s","receiptHandle":"AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a...","body":%s,
                 "attributes":{"ApproximateReceiveCount":"1","SentTimestamp":"1765080000000",
                               "SenderId":"AIDAIENQZJOLO23YVJ4VO","ApproximateFirstReceiveTimestamp":"1765080000100"},
                 "messageAttributes":{},"md5OfBody":"e4e68fb7bd0e697a0ae8f1bb342846b3","eventSource":"aws:sqs",
                 "eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:resizer-events","awsRegion":"us-east-1"}"""
                .formatted(m.id(), quote(m.body()))).collect(Collectors.joining(",")) + "]}";
    }

    /** {@code text} as a JSON string literal. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
