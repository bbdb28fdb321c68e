package dev.s3resizer.worker;

import java.time.Duration;

/**
 * How the worker consumes its queue.
 *
 * <p>{@code WorkerOptions.defaults(queueUrl).withConcurrency(8)}
 *
 * @param queueUrl          the SQS queue URL
 * @param concurrency       messages in flight at once (CPU work is further bounded to the cores)
 * @param waitSeconds       long-polling wait, 1-20 s
 * @param visibilityTimeout how long a received message stays invisible; extended while processing
 * @param shutdownGrace     how long SIGTERM waits for in-flight messages before releasing them
 * @param healthEvery       interval of the health log line
 * @param backoffs          first delays of the worker's exponential back-offs
 */
public record WorkerOptions(String queueUrl, int concurrency, int waitSeconds, Duration visibilityTimeout,
                            Duration shutdownGrace, Duration healthEvery, Backoffs backoffs) {

    /**
     * First delays of the exponential back-offs, each doubling by attempt up to a cap. SQS visibility is
     * set in whole seconds, so a retry delay under a second makes the message visible again at once.
     *
     * @param retry    a message that failed for a retryable reason (2 s, capped at 15 min)
     * @param hopeless a message that failed for good, so a queue without a redrive policy does not spin
     *                 on it (5 s, capped at 5 min)
     * @param receive  after a failed receive call (500 ms, capped at 30 s)
     */
    public record Backoffs(Duration retry, Duration hopeless, Duration receive) {

        public static final Backoffs DEFAULT = new Backoffs(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMillis(500));

        public Backoffs {
            for (Duration d : new Duration[] {retry, hopeless, receive}) {
                if (d.isNegative()) {
                    throw new IllegalArgumentException("backoff: expected >= 0 but got " + d);
                }
            }
        }
    }

    public WorkerOptions {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("queueUrl: expected an SQS queue URL");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency: expected >= 1 but got " + concurrency);
        }
        if (waitSeconds < 0 || waitSeconds > 20) {
            throw new IllegalArgumentException("waitSeconds: expected 0-20 but got " + waitSeconds);
        }
        if (visibilityTimeout.toSeconds() < 2 || visibilityTimeout.toSeconds() > 43_200) {
            throw new IllegalArgumentException("visibilityTimeout: expected 2 s - 12 h but got " + visibilityTimeout);
        }
    }

    public static WorkerOptions defaults(String queueUrl) {
        return new WorkerOptions(queueUrl, Math.max(2, Runtime.getRuntime().availableProcessors() * 2), 20,
                Duration.ofSeconds(60), Duration.ofSeconds(25), Duration.ofSeconds(30), Backoffs.DEFAULT);
    }

    public WorkerOptions withConcurrency(int n) {
        return new WorkerOptions(queueUrl, n, waitSeconds, visibilityTimeout, shutdownGrace, healthEvery, backoffs);
    }

    public WorkerOptions withWaitSeconds(int seconds) {
        return new WorkerOptions(queueUrl, concurrency, seconds, visibilityTimeout, shutdownGrace, healthEvery, backoffs);
    }

    public WorkerOptions withVisibilityTimeout(Duration timeout) {
        return new WorkerOptions(queueUrl, concurrency, waitSeconds, timeout, shutdownGrace, healthEvery, backoffs);
    }

    public WorkerOptions withShutdownGrace(Duration grace) {
        return new WorkerOptions(queueUrl, concurrency, waitSeconds, visibilityTimeout, grace, healthEvery, backoffs);
    }

    public WorkerOptions withHealthEvery(Duration every) {
        return new WorkerOptions(queueUrl, concurrency, waitSeconds, visibilityTimeout, shutdownGrace, every, backoffs);
    }

    public WorkerOptions withBackoffs(Backoffs b) {
        return new WorkerOptions(queueUrl, concurrency, waitSeconds, visibilityTimeout, shutdownGrace, healthEvery, b);
    }

    /** How often in-flight messages get their visibility extended: a third of the timeout. */
    Duration heartbeatEvery() {
        return visibilityTimeout.dividedBy(3);
    }
}
