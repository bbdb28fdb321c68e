package dev.s3resizer.local;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.net.URI;

/**
 * An embedded SQS-compatible server (ElasticMQ) on 127.0.0.1, for local mode with the production
 * topology: S3 notifications go to a queue, a worker consumes it. Works with the aws CLI
 * ({@code aws --endpoint-url http://127.0.0.1:9324 sqs receive-message ...}) and the SDKs.
 *
 * <p>{@code try (LocalSqsServer sqs = LocalSqsServer.start(0)) { URI endpoint = sqs.endpoint(); }}
 */
public final class LocalSqsServer implements AutoCloseable {

    /** ElasticMQ's usual port. */
    public static final int DEFAULT_PORT = 9324;

    private final SQSRestServer server;
    private final int port;

    private LocalSqsServer(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts on the port (0 picks a free one) and waits until it accepts requests. */
    public static LocalSqsServer start(int port) {
        try {
            var builder = SQSRestServerBuilder.withInterface("127.0.0.1").withAWSRegion(LocalS3Options.DEFAULT_REGION);
            SQSRestServer server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
            int bound = server.waitUntilStarted().localAddress().getPort();
            return new LocalSqsServer(server, bound);
        } catch (RuntimeException e) {
            throw new LocalS3StartException("cannot start the local SQS server on 127.0.0.1:" + port + ": "
                    + e.getMessage() + (port != 0 ? " (is the port taken? choose another with --sqs-port)" : ""), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.stopAndWait();
    }
}
