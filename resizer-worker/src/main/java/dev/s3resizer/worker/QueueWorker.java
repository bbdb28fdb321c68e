package dev.s3resizer.worker;

import dev.s3resizer.core.ResizerException;
import dev.s3resizer.service.BatchResult;
import dev.s3resizer.service.EventLog;
import dev.s3resizer.service.EventResult;
import dev.s3resizer.service.EventRunner;
import dev.s3resizer.service.Outcome;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.event.EventParser;
import dev.s3resizer.service.event.ObjectEvent;
import dev.s3resizer.service.log.OutcomeLog;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Consumes S3 notifications from SQS and runs them through the {@link ProcessService}.
 * A message is deleted only after every object in it was handled; a failed one is made visible
 * again after an exponential backoff, so SQS's redrive policy moves poison messages to the DLQ
 * (the service has written their failure record by then). Messages still processing get their
 * visibility extended; on shutdown the worker stops receiving, waits for in-flight messages, and
 * releases those that did not finish so that another worker takes them at once.
 *
 * <p>{@code try (var w = new QueueWorker(sqs, service, WorkerOptions.defaults(url), System.out)) { w.start(); ... }}
 */
public final class QueueWorker implements AutoCloseable {

    private static final Duration FAILURE_CAP = Duration.ofMinutes(15);
    /** Hopeless messages still back off, so a queue without a redrive policy does not spin on them. */
    private static final Duration HOPELESS_CAP = Duration.ofMinutes(5);
    private static final Duration RECEIVE_CAP = Duration.ofSeconds(30);

    private final SqsClient sqs;
    private final EventRunner runner;
    private final WorkerOptions options;
    private final PrintStream log;
    private final WorkerStats stats = new WorkerStats();
    private final Semaphore slots;
    private final Map<String, Message> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1,
            Thread.ofPlatform().name("worker-timer").daemon().factory());
    private volatile boolean running;
    private Thread poller;

    public QueueWorker(SqsClient sqs, ProcessService service, WorkerOptions options, PrintStream log) {
        this(sqs, service, options, log, EventLog.NONE);
    }

    /** @param observer also told of every event once it is done, after the JSON lines (e.g. a dashboard) */
    public QueueWorker(SqsClient sqs, ProcessService service, WorkerOptions options, PrintStream log, EventLog observer) {
        this.sqs = sqs;
        EventLog json = EventLog.json(log::println);
        this.runner = new EventRunner(() -> service, result -> {
            json.record(result);
            observer.record(result);
        });
        this.options = options;
        this.log = log;
        this.slots = new Semaphore(options.concurrency());
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        poller = Thread.ofPlatform().name("worker-poller").start(this::pollLoop);
        long beat = options.heartbeatEvery().toMillis();
        timers.scheduleAtFixedRate(guarded("visibility", this::extendVisibility), beat, beat, TimeUnit.MILLISECONDS);
        long health = options.healthEvery().toMillis();
        timers.scheduleAtFixedRate(guarded("health", () -> log.println(healthLine())), health, health,
                TimeUnit.MILLISECONDS);
    }

    /** A periodic task that logs its failures instead of being cancelled by them. */
    private Runnable guarded(String name, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.println(OutcomeLog.warning(name + "-failed", String.valueOf(e)));
            }
        };
    }

    /** The health line: in-flight count and counters, as JSON. */
    public String healthLine() {
        return stats.healthLine(inFlight.size(), running);
    }

    /** Number of messages received and not yet finished. */
    public int inFlight() {
        return inFlight.size();
    }

    private void pollLoop() {
        int errors = 0;
        while (running) {
            List<Message> messages;
            try {
                slots.acquire();
                int free = 1 + slots.drainPermits();
                try {
                    messages = receive(Math.min(10, free));
                } finally {
                    slots.release(free);
                }
                errors = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                stats.receiveErrors.incrementAndGet();
                Duration wait = new Backoff(options.backoffs().receive(), RECEIVE_CAP).delay(++errors);
                log.println(OutcomeLog.warning("receive-failed", options.queueUrl() + ": " + e.getMessage()
                        + " (retrying in " + wait.toMillis() + " ms)"));
                sleep(wait);
                continue;
            }
            dispatch(messages);
        }
    }

    /** Hands each message to a handler; what cannot be handed on (shutdown) is released at once. */
    private void dispatch(List<Message> messages) {
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            try {
                if (!running) {
                    throw new InterruptedException("shutting down");
                }
                slots.acquire();
                inFlight.put(m.messageId(), m);
                stats.received.incrementAndGet();
                handlers.execute(() -> handle(m));
            } catch (InterruptedException | RejectedExecutionException e) {
                if (inFlight.remove(m.messageId()) != null) {
                    slots.release();
                }
                for (Message rest : messages.subList(i, messages.size())) {
                    if (setVisibility(rest, 0)) {
                        stats.released.incrementAndGet();
                    }
                }
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }

    private List<Message> receive(int max) {
        return sqs.receiveMessage(b -> b.queueUrl(options.queueUrl()).maxNumberOfMessages(max)
                .waitTimeSeconds(options.waitSeconds())
                .visibilityTimeout((int) options.visibilityTimeout().toSeconds())
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }

    private void handle(Message message) {
        try {
            if (handleAll(message)) {
                sqs.deleteMessage(b -> b.queueUrl(options.queueUrl()).receiptHandle(message.receiptHandle()));
                stats.deleted.incrementAndGet();
            }
        } catch (SdkException e) {
            log.println(OutcomeLog.warning("delete-failed", "message " + message.messageId() + " was handled but not"
                    + " deleted, so it will be redelivered (harmless: its renditions are up to date): " + e.getMessage()));
        } finally {
            inFlight.remove(message.messageId());
            slots.release();
        }
    }

    /**
     * True when every object of the message was handled; otherwise schedules the message's retry
     * (the objects that were handled are up to date on the next delivery).
     */
    private boolean handleAll(Message message) {
        List<ObjectEvent> events;
        try {
            events = EventParser.parse(message.body());
        } catch (ResizerException e) {
            stats.failed.incrementAndGet();
            log.println(OutcomeLog.badMessage(message.messageId(), e));
            retryLater(message, e);
            return false;
        }
        BatchResult result = runner.runAll(events);
        result.results().forEach(this::count);
        if (result.failures().isEmpty()) {
            return true;
        }
        retryLater(message, result.failures().getFirst());
        return false;
    }

    private void count(EventResult result) {
        switch (result) {
            case EventResult.Failed f -> stats.failed.incrementAndGet();
            case EventResult.Handled h when h.outcome().status() == Outcome.Status.PROCESSED -> {
                stats.processed.incrementAndGet();
                stats.bytesSaved.addAndGet(Math.max(0, h.outcome().bytesIn() - h.outcome().bytesOut()));
            }
            case EventResult.Handled h when h.outcome().status() == Outcome.Status.UP_TO_DATE ->
                    stats.upToDate.incrementAndGet();
            case EventResult.Handled h -> { }
        }
    }

    /** Makes a failed message visible again after an exponential backoff, so the redrive policy can act. */
    private void retryLater(Message message, ResizerException cause) {
        int receives = Integer.parseInt(message.attributes()
                .getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        Backoff backoff = cause.retryable() ? new Backoff(options.backoffs().retry(), FAILURE_CAP)
                : new Backoff(options.backoffs().hopeless(), HOPELESS_CAP);
        Duration delay = backoff.delay(receives);
        setVisibility(message, (int) delay.toSeconds());
    }

    private void extendVisibility() {
        for (Message m : inFlight.values()) {
            if (setVisibility(m, (int) options.visibilityTimeout().toSeconds())) {
                stats.extended.incrementAndGet();
            }
        }
    }

    private boolean setVisibility(Message m, int seconds) {
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(options.queueUrl()).receiptHandle(m.receiptHandle())
                    .visibilityTimeout(seconds));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    /**
     * Stops receiving, waits up to the shutdown grace for in-flight messages, then releases the rest
     * (visibility 0) so they are redelivered at once. Nothing is lost: unfinished messages were never deleted.
     */
    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        poller.interrupt();
        try {
            poller.join(options.shutdownGrace().toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long deadline = System.nanoTime() + options.shutdownGrace().toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(50));
        }
        for (Message m : inFlight.values()) {
            if (setVisibility(m, 0)) {
                stats.released.incrementAndGet();
            }
        }
        handlers.shutdownNow();
        timers.shutdownNow();
        log.println(healthLine());
    }

    @Override
    public void close() {
        shutdown();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
