package dev.s3resizer.cli;

import dev.s3resizer.local.LocalS3Options;
import dev.s3resizer.local.LocalS3Server;
import dev.s3resizer.local.ObjectEventListener;
import dev.s3resizer.service.EventLog;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.S3Clients;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.S3ObjectStore;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * What {@code serve} runs: the processing service and its consumer (in-process, or a queue and a
 * worker), then the local S3 endpoint that feeds them. The service exists before the endpoint
 * accepts its first request, so no event can arrive before there is something to handle it.
 */
final class LocalStack implements AutoCloseable {

    final LocalS3Server server;
    final ProcessService service;
    private final S3Client s3;
    private final AutoCloseable consumer;

    private LocalStack(LocalS3Server server, ProcessService service, S3Client s3, AutoCloseable consumer) {
        this.server = server;
        this.service = service;
        this.s3 = s3;
        this.consumer = consumer;
    }

    /**
     * @param topology the queue between endpoint and worker, or null to process in-process
     * @param log      how each event is reported once handled (in-process, or by the queue's worker)
     */
    static LocalStack start(ResizerConfig cfg, LocalS3Options requested, AwsCredentialsProvider credentials,
                            QueueTopology topology, EventLog log) {
        return start(cfg, requested, credentials, topology, log, UnaryOperator.identity());
    }

    /** @param storeLayer wraps the service's store, for tests that need to hold a request at an exact point */
    static LocalStack start(ResizerConfig cfg, LocalS3Options requested, AwsCredentialsProvider credentials,
                            QueueTopology topology, EventLog log, UnaryOperator<ObjectStore> storeLayer) {
        LocalS3Options options = requested.port() == 0 ? requested.withPort(freePort()) : requested;
        S3Client s3 = S3Clients.create(URI.create("http://127.0.0.1:" + options.port()), options.region(), credentials);
        ProcessService service = new ProcessService(cfg, storeLayer.apply(new S3ObjectStore(s3)));
        AutoCloseable consumer;
        ObjectEventListener deliver;
        if (topology != null) {
            topology.startWorker(service, log);
            consumer = topology;
            deliver = topology::publish;
        } else {
            LocalProcessing processing = new LocalProcessing(service, log);
            consumer = processing;
            deliver = processing::accept;
        }
        try {
            return new LocalStack(LocalS3Server.start(options, ServeCommand.notifications(cfg, deliver)), service, s3, consumer);
        } catch (RuntimeException e) {
            closeQuietly(consumer);
            s3.close();
            throw e;
        }
    }

    /** A store on the stack's S3 client, for work beside the service's own (reconciling at start). */
    S3ObjectStore store() {
        return new S3ObjectStore(s3);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the local S3 endpoint", e);
        }
    }

    /** Finishes queued work first (it still needs the endpoint), then stops the endpoint and the client. */
    @Override
    public void close() {
        closeQuietly(consumer);
        server.close();
        s3.close();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("shutdown: " + e.getMessage());
        }
    }
}
