package dev.s3resizer.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;

/**
 * Delivers events to the listener off the request thread, so a client's PUT returns as soon as
 * the object is stored. Each key always maps to the same single-threaded lane, and a sequencer
 * is taken and the event queued in one step, so events for one key arrive in order and their
 * sequencers grow. Listener failures are logged and never reach the store.
 */
final class EventDelivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventDelivery.class);
    private static final int LANES = 2;
    private static final long DRAIN_SECONDS = 10;

    private final ObjectEventListener listener;
    private final String region;
    private final List<ExecutorService> lanes = new ArrayList<>();
    /** Nanoseconds since the epoch at start, then +1 per event: grows across restarts too. */
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1_000_000L);

    EventDelivery(ObjectEventListener listener, String region) {
        this.listener = listener;
        this.region = region;
        for (int i = 0; i < LANES; i++) {
            String name = "s3-events-" + i;
            lanes.add(Executors.newSingleThreadExecutor(runnable -> daemon(runnable, name)));
        }
    }

    /** Numbers the event and queues it on its key's lane. */
    void submit(ObjectEvent event) {
        ExecutorService lane = lanes.get(Math.floorMod((event.bucket() + '/' + event.key()).hashCode(), LANES));
        synchronized (lane) {
            String sequencer = "%016X".formatted(sequence.getAndIncrement());
            try {
                lane.execute(() -> deliver(event.toNotification(region, sequencer)));
            } catch (RejectedExecutionException e) {
                LOG.warn("Not delivering {} of s3://{}/{}: the local S3 endpoint is shutting down",
                        event.eventName(), event.bucket(), LogText.escape(event.key()));
            }
        }
    }

    private void deliver(S3EventNotification notification) {
        try {
            listener.onEvent(notification);
        } catch (RuntimeException e) {
            var record = notification.getRecords().getFirst();
            LOG.warn("Event listener failed on {} of s3://{}/{}; the object is stored, the event is dropped",
                    record.getEventName(), record.getS3().getBucket().getName(),
                    LogText.escape(record.getS3().getObject().getUrlDecodedKey()), e);
        }
    }

    /** Stops taking events and waits up to ten seconds for queued ones to be delivered. */
    @Override
    public void close() {
        lanes.forEach(ExecutorService::shutdown);
        for (ExecutorService lane : lanes) {
            try {
                if (!lane.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("Dropping undelivered S3 events after waiting {} s at shutdown", DRAIN_SECONDS);
                    lane.shutdownNow();
                }
            } catch (InterruptedException e) {
                lane.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
