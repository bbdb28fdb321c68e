package dev.s3resizer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;

class EventDeliveryTest {

    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void aFailingListenerDoesNotStopLaterDeliveries() {
        ObjectEventListener listener = event -> {
            String key = key(event);
            if (key.startsWith("bad")) {
                throw new IllegalStateException("listener broke on " + key);
            }
            delivered.add(key);
        };
        try (EventDelivery delivery = new EventDelivery(listener, "us-east-1")) {
            delivery.submit(put("bad.jpg"));
            delivery.submit(put("good.jpg"));
        }
        assertThat(delivered).containsExactly("good.jpg");
    }

    @Test
    void closeWaitsForQueuedEventsAndLaterSubmissionsAreDroppedQuietly() {
        ObjectEventListener slow = event -> {
            sleep(50);
            delivered.add(key(event));
        };
        EventDelivery delivery = new EventDelivery(slow, "us-east-1");
        for (int i = 0; i < 5; i++) {
            delivery.submit(put("k" + i));
        }
        delivery.close();

        assertThat(delivered).containsExactlyInAnyOrder("k0", "k1", "k2", "k3", "k4");
        assertThatCode(() -> delivery.submit(put("late"))).doesNotThrowAnyException();
    }

    @Test
    void eventsForOneKeyKeepTheirOrderWhileOtherKeysRunInParallel() {
        ObjectEventListener listener = event -> delivered.add(key(event) + "@"
                + event.getRecords().getFirst().getS3().getObject().getSequencer());
        try (EventDelivery delivery = new EventDelivery(listener, "us-east-1")) {
            for (int i = 0; i < 200; i++) {
                delivery.submit(put(i % 2 == 0 ? "even" : "odd"));
            }
        }
        for (String key : List.of("even", "odd")) {
            List<String> sequencers = delivered.stream().filter(d -> d.startsWith(key + "@")).toList();
            assertThat(sequencers).hasSize(100).isSorted();
        }
    }

    private static ObjectEvent put(String key) {
        return new ObjectEvent(ObjectEvent.OBJECT_CREATED_PUT, "incoming", key, 1L, "e", null, Instant.now());
    }

    private static String key(S3EventNotification event) {
        return event.getRecords().getFirst().getS3().getObject().getUrlDecodedKey();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
