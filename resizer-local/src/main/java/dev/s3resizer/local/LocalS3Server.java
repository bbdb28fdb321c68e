package dev.s3resizer.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3-compatible endpoint on {@code http://127.0.0.1:PORT} keeping objects as files under a
 * data directory, for local mode and tests. It accepts requests signed (SigV2 or SigV4, path-style)
 * with the fixed credentials of the options, so the aws CLI, boto3 and the AWS SDK work unchanged,
 * and reports every stored, copied or deleted object to an {@link ObjectEventListener} as an
 * S3 event notification.
 *
 * <p>Example: {@code try (var s3 = LocalS3Server.start(options, event -> process(event))) { ... }}
 */
public final class LocalS3Server implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Pages served from this machine (the dashboard of {@code resizer serve}) may call the endpoint
     * from a browser, as a bucket's CORS configuration allows on S3; requests still need a signature.
     */
    private static final CrossOriginResourceSharing LOOPBACK_PAGES = new CrossOriginResourceSharing(
            List.of("http://127\\.0\\.0\\.1(:[0-9]+)?", "http://localhost(:[0-9]+)?"),
            List.of("GET", "HEAD", "PUT", "POST", "DELETE"), List.of("*"), List.of("ETag"), "false");

    private final S3Proxy proxy;
    private final BlobStore store;
    private final LocalS3Options options;
    private final List<Path> partialUploadsRemoved;

    private LocalS3Server(S3Proxy proxy, BlobStore store, LocalS3Options options, List<Path> partialUploadsRemoved) {
        this.proxy = proxy;
        this.store = store;
        this.options = options;
        this.partialUploadsRemoved = partialUploadsRemoved;
    }

    /**
     * Creates the data directory and the buckets when missing, removes the uploads a killed server
     * left half written ({@link PartialUploads}), then starts listening.
     *
     * @throws LocalS3StartException when the directory cannot be used or the port is taken
     */
    public static LocalS3Server start(LocalS3Options options, ObjectEventListener listener) {
        Path dataDir = options.dataDir().toAbsolutePath().normalize();
        BlobStore store = new NotifyingBlobStore(new KeyCheckingBlobStore(openFilesystem(dataDir)),
                options.region(), listener);
        try {
            options.buckets().stream().filter(bucket -> !store.containerExists(bucket))
                    .forEach(store::createContainer);
            List<Path> partial = new ArrayList<>();
            options.buckets().forEach(bucket -> partial.addAll(PartialUploads.remove(dataDir.resolve(bucket))));
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(store)
                    .endpoint(URI.create("http://127.0.0.1:" + options.port()))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, options.accessKey(), options.secretKey())
                    .corsRules(LOOPBACK_PAGES)
                    .build();
            startAndWait(proxy, options.port());
            return new LocalS3Server(proxy, store, options, List.copyOf(partial));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Where clients connect, e.g. {@code http://127.0.0.1:9000}; the real port when 0 was asked. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The port actually listened on. */
    public int port() {
        return proxy.getPort();
    }

    /** The half-written uploads of an earlier, killed server that were removed at start. */
    public List<Path> partialUploadsRemoved() {
        return partialUploadsRemoved;
    }

    /** The options this server was started with (port as asked, possibly 0). */
    public LocalS3Options options() {
        return options;
    }

    /** Stops accepting requests, delivers queued events (up to ten seconds), releases the store. */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the local S3 endpoint on port " + port(), e);
        } finally {
            store.close();
        }
    }

    private static BlobStore openFilesystem(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new LocalS3StartException("Cannot create the data directory " + dataDir
                    + ": choose a writable directory with --data", new UncheckedIOException(e));
        }
        return new FilesystemNio2BlobStore(dataDir.toString());
    }

    private static void startAndWait(S3Proxy proxy, int port) {
        try {
            proxy.start();
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline || "FAILED".equals(proxy.getState())) {
                    throw new LocalS3StartException("The local S3 endpoint did not start on port " + port
                            + " within " + START_TIMEOUT.toSeconds() + " s (state " + proxy.getState() + ")", null);
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalS3StartException("Interrupted while starting the local S3 endpoint", e);
        } catch (LocalS3StartException e) {
            throw e;
        } catch (Exception e) {
            throw new LocalS3StartException("Cannot listen on 127.0.0.1:" + port
                    + ": is another server using it? Choose another port with --port", e);
        }
    }
}
