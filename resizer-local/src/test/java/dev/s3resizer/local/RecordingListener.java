package dev.s3resizer.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotificationRecord;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Test listener that records each event together with what a client saw in the store at the
 * moment the event arrived, to prove events are only emitted once the change is visible.
 */
final class RecordingListener implements ObjectEventListener {

    /** One delivered event and the object's state (null when absent) when it arrived. */
    record Arrival(S3EventNotification notification, HeadObjectResponse objectWhenArrived, String thread) {

        S3EventNotificationRecord record() {
            return notification.getRecords().getFirst();
        }
    }

    private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
    private volatile S3Client client;

    void readWith(S3Client s3) {
        this.client = s3;
    }

    /** Records every event; never throws, so no event can be lost to the store's error logging. */
    @Override
    public void onEvent(S3EventNotification event) {
        arrivals.add(new Arrival(event, headOrNull(event), Thread.currentThread().getName()));
    }

    private HeadObjectResponse headOrNull(S3EventNotification event) {
        var object = event.getRecords().getFirst().getS3();
        try {
            return client == null ? null : client.headObject(b -> b.bucket(object.getBucket().getName())
                    .key(object.getObject().getUrlDecodedKey()));
        } catch (RuntimeException absentOrUnreadable) {
            return null;
        }
    }

    /** The next event, failing the test when none arrives within five seconds. */
    Arrival next() throws InterruptedException {
        Arrival arrival = arrivals.poll(5, TimeUnit.SECONDS);
        assertThat(arrival).as("an S3 event within 5 s").isNotNull();
        assertThat(arrival.notification().getRecords()).as("records per notification").hasSize(1);
        return arrival;
    }

    /** Fails when any further event arrives within {@code quiet}. */
    void assertNoMore(Duration quiet) throws InterruptedException {
        Arrival extra = arrivals.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(extra).as("no further event").isNull();
    }
}
