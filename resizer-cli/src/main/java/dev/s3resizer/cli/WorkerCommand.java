package dev.s3resizer.cli;

import dev.s3resizer.core.warmup.VectorWarmUp;
import dev.s3resizer.service.storage.AwsClientSettings;
import dev.s3resizer.worker.QueueWorker;
import dev.s3resizer.worker.SqsClients;
import dev.s3resizer.worker.WorkerOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code resizer worker}: the long-running SQS consumer for containers. */
@Command(name = "worker",
        mixinStandardHelpOptions = true,
        description = {"Consumes S3 event notifications from an SQS queue (plain, SNS-wrapped or EventBridge) and makes renditions.",
            "Logs one JSON line per object and a health line. SIGTERM finishes or releases in-flight messages, then exits."})
final class WorkerCommand implements Callable<Integer> {

    @Option(names = "--queue-url", paramLabel = "URL", required = true, description = "The SQS queue URL.")
    String queueUrl;

    @Option(names = "--sqs-endpoint", paramLabel = "URL",
            description = "SQS-compatible endpoint, e.g. http://127.0.0.1:9324 (default: AWS, or AWS_ENDPOINT_URL_SQS).")
    URI sqsEndpoint;

    @Option(names = "--concurrency", paramLabel = "N", description = "Messages in flight (default: 2 x cores).")
    Integer concurrency;

    @Option(names = "--visibility-timeout", paramLabel = "SECONDS",
            description = "Visibility timeout of received messages, extended while processing (default: ${DEFAULT-VALUE}).")
    int visibilityTimeout = 60;

    @Option(names = "--shutdown-grace", paramLabel = "SECONDS",
            description = "On SIGTERM, wait this long for in-flight messages before releasing them (default: ${DEFAULT-VALUE}).")
    int shutdownGrace = 25;

    @Option(names = "--retry-backoff", paramLabel = "SECONDS",
            description = "First delay before a message that failed for a retryable reason is received again; it doubles"
                    + " with each receive up to 15 minutes (default: ${DEFAULT-VALUE}).")
    int retryBackoff = (int) WorkerOptions.Backoffs.DEFAULT.retry().toSeconds();

    @Mixin
    ServiceOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        VectorWarmUp.start();
        URI sqsUri = sqsEndpoint != null ? sqsEndpoint
                : AwsClientSettings.endpointFromEnvironment(System.getenv(), "SQS");
        WorkerOptions workerOptions = WorkerOptions.defaults(queueUrl)
                .withVisibilityTimeout(Duration.ofSeconds(visibilityTimeout))
                .withShutdownGrace(Duration.ofSeconds(shutdownGrace))
                .withBackoffs(new WorkerOptions.Backoffs(Duration.ofSeconds(retryBackoff),
                        WorkerOptions.Backoffs.DEFAULT.hopeless(), WorkerOptions.Backoffs.DEFAULT.receive()));
        if (concurrency != null) {
            workerOptions = workerOptions.withConcurrency(concurrency);
        }
        try (S3Client s3 = options.s3(); SqsClient sqs = SqsClients.create(sqsUri, options.region, null)) {
            QueueWorker worker = new QueueWorker(sqs, options.service(s3), workerOptions, System.out);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                worker.shutdown();
                stopped.countDown();
            }, "worker-sigterm"));
            worker.start();
            System.out.println(worker.healthLine());
            stopped.await();
        }
        return 0;
    }

}
