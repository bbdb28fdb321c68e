package dev.s3resizer.cli;

import dev.s3resizer.local.LocalSqsServer;
import dev.s3resizer.service.EventLog;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.worker.QueueWorker;
import dev.s3resizer.worker.SqsClients;
import dev.s3resizer.worker.WorkerOptions;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.eventnotifications.s3.model.S3EventNotification;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.util.Map;

/**
 * Local mode with the production topology: the embedded S3 publishes its notifications to an
 * embedded SQS queue (with a dead-letter queue), and an in-process {@link QueueWorker} consumes it.
 */
final class QueueTopology implements AutoCloseable {

    static final String QUEUE = "resizer-events";
    static final String DEAD_LETTERS = "resizer-events-dlq";
    static final int MAX_RECEIVES = 5;

    private final LocalSqsServer server;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String deadLetterUrl;
    private QueueWorker worker;

    QueueTopology(int port, String region, AwsCredentialsProvider credentials) {
        this.server = LocalSqsServer.start(port);
        this.sqs = SqsClients.create(server.endpoint(), region, credentials);
        this.deadLetterUrl = sqs.createQueue(b -> b.queueName(DEAD_LETTERS)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(deadLetterUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        this.queueUrl = sqs.createQueue(b -> b.queueName(QUEUE).attributes(Map.of(
                QueueAttributeName.REDRIVE_POLICY,
                "{\"maxReceiveCount\":\"" + MAX_RECEIVES + "\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();
    }

    /** The S3 hook: every notification becomes one SQS message, as S3 would send it. */
    void publish(S3EventNotification notification) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(notification.toJson()));
    }

    /** @param observer told of every event the worker handled, after its JSON lines */
    void startWorker(ProcessService service, EventLog observer) {
        worker = new QueueWorker(sqs, service, WorkerOptions.defaults(queueUrl).withWaitSeconds(5)
                .withHealthEvery(Duration.ofSeconds(60)), System.out, observer);
        worker.start();
    }

    String describe() {
        return String.join("\n",
                "  sqs          " + server.endpoint() + "  (ElasticMQ)",
                "  queue        " + queueUrl,
                "  dead letters " + deadLetterUrl + "  (after " + MAX_RECEIVES + " receives)",
                "  try          aws --endpoint-url " + server.endpoint() + " sqs get-queue-attributes --queue-url "
                        + queueUrl + " --attribute-names All");
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.shutdown();
        }
        sqs.close();
        server.close();
    }
}
