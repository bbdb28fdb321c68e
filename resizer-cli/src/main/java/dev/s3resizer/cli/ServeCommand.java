package dev.s3resizer.cli;

import dev.s3resizer.cli.dashboard.Activities;
import dev.s3resizer.cli.dashboard.ActivityLog;
import dev.s3resizer.cli.dashboard.DashboardApi;
import dev.s3resizer.cli.dashboard.DashboardServer;
import dev.s3resizer.core.warmup.VectorWarmUp;
import dev.s3resizer.local.LocalS3Options;
import dev.s3resizer.local.LocalS3Server;
import dev.s3resizer.local.LocalSqsServer;
import dev.s3resizer.local.ObjectEventListener;
import dev.s3resizer.service.EventLog;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.Reconcile;
import dev.s3resizer.service.backfill.Progress;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.S3ObjectStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code resizer serve}: a local S3-compatible endpoint whose uploads trigger the same processing
 * service as the Lambda, so {@code aws s3 cp photo.jpg s3://incoming/} makes renditions appear.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Starts an embedded S3-compatible endpoint on 127.0.0.1 whose uploads make renditions.",
            "Any S3 client works: aws --endpoint-url http://127.0.0.1:9000 s3 cp photo.jpg s3://incoming/",
            "Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port = LocalS3Options.DEFAULT_PORT;

    @Option(names = "--data", paramLabel = "DIR", description = "Where objects are kept (default: ${DEFAULT-VALUE}).")
    Path data = LocalS3Options.DEFAULT_DATA_DIR;

    @Option(names = "--access-key", paramLabel = "KEY", description = "Access key clients sign with (default: ${DEFAULT-VALUE}).")
    String accessKey = LocalS3Options.DEFAULT_ACCESS_KEY;

    @Option(names = "--secret-key", paramLabel = "SECRET", description = "Secret key clients sign with (default: ${DEFAULT-VALUE}).")
    String secretKey = LocalS3Options.DEFAULT_SECRET_KEY;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (default: incoming -> resized with thumb 320, medium 1000, large 2048).")
    Path config;

    @Option(names = "--queue",
            description = "Production topology: S3 notifications go to an embedded SQS queue (ElasticMQ) that an in-process worker consumes.")
    boolean queue;

    @Option(names = "--sqs-port", paramLabel = "PORT",
            description = "Port of the embedded SQS endpoint with --queue (default: ${DEFAULT-VALUE}).")
    int sqsPort = LocalSqsServer.DEFAULT_PORT;

    @Option(names = "--dashboard-port", paramLabel = "PORT",
            description = "Port of the dashboard page on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one; -1 turns it off).")
    int dashboardPort = 9001;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * What a bucket notification configuration does on AWS: only the watched bucket and prefix
     * notify. Renditions written to the destination stay quiet instead of being skipped one by one.
     */
    static ObjectEventListener notifications(ResizerConfig cfg, ObjectEventListener deliver) {
        return event -> {
            boolean watched = event.getRecords().stream().anyMatch(r -> cfg.source().watches(
                    r.getS3().getBucket().getName(), r.getS3().getObject().getUrlDecodedKey()));
            if (watched) {
                deliver.onEvent(event);
            }
        };
    }

    private static S3Presigner presigner(LocalS3Server server, AwsCredentialsProvider credentials) {
        return S3Presigner.builder().endpointOverride(server.endpoint()).region(Region.of(server.options().region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    }

    /**
     * Catches up with what a stopped or killed server missed ({@link Reconcile}) while new uploads
     * are already served, and says so in one line.
     */
    private void reconcile(ProcessService service, S3ObjectStore store, int partialUploads) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            Reconcile.Summary s = new Reconcile(service, store).run(Math.max(1, Runtime.getRuntime().availableProcessors()));
            Progress p = s.backfill().progress();
            synchronized (out) {
                out.println("reconciled at start: " + p.processed() + " sources processed, " + p.upToDate()
                        + " up to date, " + p.failed() + " failed, " + s.orphansRemoved()
                        + " renditions of deleted sources removed, " + partialUploads + " partial uploads removed");
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            synchronized (out) {
                out.println("reconcile at start failed: " + e.getMessage());
                out.flush();
            }
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        ResizerConfig cfg = ConfigLoader.load(config, System.getenv());
        VectorWarmUp.start();
        LocalS3Options options = LocalS3Options.defaults().withPort(port).withDataDir(data)
                .withCredentials(accessKey, secretKey)
                .withBuckets(List.of(cfg.source().bucket(), cfg.destination().bucket()).stream().distinct().toList());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        PrintWriter out = spec.commandLine().getOut();
        ActivityLog activity = new ActivityLog(500);
        EventLog printing = LocalProcessing.printingTo(out);
        String destination = cfg.destination().bucket();
        EventLog log = result -> {
            printing.record(result);
            activity.add(Activities.of(result, destination));
        };
        QueueTopology topology = queue ? new QueueTopology(sqsPort, options.region(), credentials) : null;
        LocalStack stack = LocalStack.start(cfg, options, credentials, topology, log);
        DashboardServer dashboard = null;
        try (S3Presigner presigner = presigner(stack.server, credentials)) {
            if (dashboardPort >= 0) {
                dashboard = DashboardServer.start(dashboardPort,
                        new DashboardApi(cfg, stack.service, stack.store(), presigner, stack.server.endpoint(), activity), activity);
            }
            out.println(Banner.text(stack.server.endpoint(), stack.server.options(), cfg,
                    topology == null ? "" : topology.describe(), dashboard == null ? null : dashboard.address()));
            out.flush();
            Thread.ofVirtual().name("resizer-reconcile").start(() -> reconcile(stack.service, stack.store(),
                    stack.server.partialUploadsRemoved().size()));
            CountDownLatch stop = new CountDownLatch(1);
            DashboardServer page = dashboard;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (page != null) {
                    page.close();
                }
                stack.close();
                stop.countDown();
            }, "resizer-shutdown"));
            stop.await();
        } catch (RuntimeException e) {
            if (dashboard != null) {
                dashboard.close();
            }
            stack.close();
            throw e;
        }
        return 0;
    }
}
