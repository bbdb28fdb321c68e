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
 */
public record WorkerOptions(String queueUrl, int concurrency, int waitSeconds, Duration visibilityTimeout,
                            Duration shutdownGrace, Duration healthEvery) {

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
                Duration.ofSeconds(60), Duration.ofSeconds(25), Duration.ofSeconds(30));
    }

    public WorkerOptions withConcurrency(int n) {
        return new WorkerOptions(queueUrl, n, waitSeconds, visibilityTimeout, shutdownGrace, healthEvery);
    }

    public WorkerOptions withWaitSeconds(int seconds) {
        return new WorkerOptions(queueUrl, concurrency, seconds, visibilityTimeout, shutdownGrace, healthEvery);
    }

    public WorkerOptions withVisibilityTimeout(Duration timeout) {
        return new WorkerOptions(queueUrl, concurrency, waitSeconds, timeout, shutdownGrace, healthEvery);
    }

    public WorkerOptions withShutdownGrace(Duration grace) {
        return new WorkerOptions(queueUrl, concurrency, waitSeconds, visibilityTimeout, grace, healthEvery);
    }

    public WorkerOptions withHealthEvery(Duration every) {
        return new WorkerOptions(queueUrl, concurrency, waitSeconds, visibilityTimeout, shutdownGrace, every);
    }

    /** How often in-flight messages get their visibility extended: a third of the timeout. */
    Duration heartbeatEvery() {
        return visibilityTimeout.dividedBy(3);
    }
}
