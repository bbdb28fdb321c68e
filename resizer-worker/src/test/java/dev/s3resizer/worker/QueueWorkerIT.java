package dev.s3resizer.worker;

import dev.s3resizer.local.LocalSqsServer;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.testing.ForwardingStore;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.S3ObjectStore;
import dev.s3resizer.service.testing.S3Fixture;
import dev.s3resizer.service.testing.TestImages;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker against ElasticMQ and the embedded S3, both over real HTTP. */
class QueueWorkerIT {

    @TempDir
    static Path data;
    static S3Fixture s3;
    static LocalSqsServer sqsServer;
    static SqsClient sqs;
    String queueUrl;
    String dlqUrl;
    final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void start() {
        s3 = new S3Fixture(data);
        sqsServer = LocalSqsServer.start(0);
        sqs = SqsClients.create(sqsServer.endpoint(), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")));
    }

    @AfterAll
    static void stop() {
        sqs.close();
        sqsServer.close();
        s3.close();
    }

    @BeforeEach
    void queues() {
        String name = "q-" + UUID.randomUUID().toString().substring(0, 8);
        dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        queueUrl = sqs.createQueue(b -> b.queueName(name).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY,
                "{\"maxReceiveCount\":\"2\",\"deadLetterTargetArn\":\"" + dlqArn + "\"}"))).queueUrl();
    }

    private ProcessService service(ObjectStore store) {
        return new ProcessService(ConfigLoader.load(null, Map.of()), store);
    }

    private WorkerOptions options() {
        return WorkerOptions.defaults(queueUrl).withWaitSeconds(1).withVisibilityTimeout(Duration.ofSeconds(3))
                .withConcurrency(2).withShutdownGrace(Duration.ofSeconds(10))
                .withBackoffs(new WorkerOptions.Backoffs(Duration.ZERO, Duration.ZERO, Duration.ofMillis(10)));
    }

    private void send(String body) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    private static String s3Event(String encodedKey) {
        return "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\","
                + "\"s3\":{\"bucket\":{\"name\":\"incoming\"},\"object\":{\"key\":\"" + encodedKey + "\"}}}]}";
    }

    private int messages(String url) {
        var attrs = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attrs.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }

    @Test
    void processesSnsWrappedAndEventBridgeMessagesAndDeletesThem() throws Exception {
        s3.put("incoming", "worker/sns photo.jpg", TestImages.jpeg(1200, 900));
        s3.put("incoming", "worker/bridge.jpg", TestImages.jpeg(900, 1200));
        String inner = s3Event("worker/sns+photo.jpg").replace("\"", "\\\"");
        send("{\"Type\":\"Notification\",\"MessageId\":\"1\",\"Message\":\"" + inner + "\"}");
        send("{\"version\":\"0\",\"detail-type\":\"Object Created\",\"source\":\"aws.s3\",\"detail\":{"
                + "\"bucket\":{\"name\":\"incoming\"},\"object\":{\"key\":\"worker/bridge.jpg\",\"size\":1}}}");
        send("{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"incoming\"}");

        try (QueueWorker worker = new QueueWorker(sqs, service(new S3ObjectStore(s3.s3)), options(), log)) {
            worker.start();
            await(() -> s3.head("resized", "large/worker/bridge.jpg") != null
                    && s3.head("resized", "large/worker/sns photo.jpg") != null, Duration.ofSeconds(30), "renditions");
            await(() -> messages(queueUrl) == 0, Duration.ofSeconds(10), "an empty queue");
            assertThat(worker.healthLine()).contains("\"processed\":2", "\"deleted\":3", "\"failed\":0");
        }
        assertThat(logBytes.toString(StandardCharsets.UTF_8)).contains("\"outcome\":\"processed\"", "\"health\"",
                "\"Namespace\":\"S3ImageResizer\"", "\"Outcome\":\"processed\"");
    }

    @Test
    void poisonMessageGoesToTheDeadLetterQueueAfterItsFailureRecordIsWritten() throws Exception {
        s3.put("incoming", "worker/poison.jpg", "not an image at all".getBytes(StandardCharsets.UTF_8));
        send(s3Event("worker/poison.jpg"));
        ProcessService service = service(new S3ObjectStore(s3.s3));

        try (QueueWorker worker = new QueueWorker(sqs, service, options(), log)) {
            worker.start();
            await(() -> messages(dlqUrl) == 1, Duration.ofSeconds(30), "the message in the DLQ");
        }
        assertThat(messages(queueUrl)).isZero();
        assertThat(service.failures().list()).anySatisfy(r -> {
            assertThat(r.source().key()).isEqualTo("worker/poison.jpg");
            assertThat(r.reason()).isEqualTo("unsupported");
            assertThat(r.attempts()).isGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void slowImageKeepsItsMessageInvisibleUntilDone() throws Exception {
        s3.put("incoming", "worker/slow.jpg", TestImages.jpeg(800, 600));
        send(s3Event("worker/slow.jpg"));
        ProcessService service = service(new SlowStore(new S3ObjectStore(s3.s3), Duration.ofSeconds(7)));

        try (QueueWorker worker = new QueueWorker(sqs, service, options(), log)) {
            worker.start();
            await(() -> s3.head("resized", "thumb/worker/slow.jpg") != null, Duration.ofSeconds(30), "the slow rendition");
            await(() -> messages(queueUrl) == 0, Duration.ofSeconds(10), "an empty queue");
            assertThat(worker.healthLine()).contains("\"received\":1", "\"processed\":1").doesNotContain("\"visibilityExtended\":0");
        }
        assertThat(messages(dlqUrl)).isZero();
    }

    @Test
    void shutdownMidBatchLosesNothing() throws Exception {
        for (int i = 0; i < 6; i++) {
            s3.put("incoming", "worker/batch-" + i + ".jpg", TestImages.jpeg(640, 480));
            send(s3Event("worker/batch-" + i + ".jpg"));
        }
        WorkerOptions impatient = options().withShutdownGrace(Duration.ofMillis(500));
        QueueWorker first = new QueueWorker(sqs, service(new SlowStore(new S3ObjectStore(s3.s3), Duration.ofSeconds(3))),
                impatient, log);
        first.start();
        await(() -> first.inFlight() > 0, Duration.ofSeconds(10), "work in flight");
        first.shutdown();
        assertThat(first.healthLine()).doesNotContain("\"released\":0");

        try (QueueWorker second = new QueueWorker(sqs, service(new S3ObjectStore(s3.s3)), options(), log)) {
            second.start();
            await(() -> Stream.iterate(0, i -> i + 1).limit(6)
                    .allMatch(i -> s3.head("resized", "thumb/worker/batch-" + i + ".jpg") != null),
                    Duration.ofSeconds(30), "all six renditions");
            await(() -> messages(queueUrl) == 0, Duration.ofSeconds(10), "an empty queue");
        }
        assertThat(messages(dlqUrl)).isZero();
    }

    /** A store whose reads take a while: the one fault a real server is not made to produce on demand. */
    record SlowStore(ObjectStore delegate, Duration delay) implements ForwardingStore {
        @Override
        public InputStream get(ObjectRef ref) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.get(ref);
        }
    }
}
