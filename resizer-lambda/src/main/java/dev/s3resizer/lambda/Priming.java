package dev.s3resizer.lambda;

import dev.s3resizer.core.warmup.SampleImages;
import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.ObjectStore;
import dev.s3resizer.service.storage.PutOptions;
import dev.s3resizer.service.storage.S3Clients;
import dev.s3resizer.service.storage.S3ObjectStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * What SnapStart's snapshot should hold: every path an invocation takes, loaded and compiled. Runs
 * the service itself, on an in-memory store ({@link PrimingStore}), over the kinds of file uploads
 * usually are (a 12 MP baseline JPEG, a progressive JPEG, an opaque and a transparent PNG), so each
 * decoder, each scale of the JPEG decoder the configured renditions need, each encoder they use and
 * the service's reads, writes and clean-up run until the JIT has compiled them; then runs every
 * S3 call the service makes through a client like the function's against a loopback stand-in
 * ({@link PrimingEndpoint}), and asks the real S3, through the function's own store, for an object
 * that does not exist (a HEAD and a GET). Nothing is written to any bucket.
 */
final class Priming {

    static final String PROBE_KEY = ".resizer-priming/none";

    private static final int PHOTO_ROUNDS = 3;
    private static final int SMALL_ROUNDS = 4;
    private static final int CLIENT_ROUNDS = 20;

    private final ResizerConfig config;

    Priming(ResizerConfig config) {
        this.config = config;
    }

    /** Runs the imaging pipeline, then the store's read paths; a store that fails is left as it is. */
    void run(ObjectStore store) {
        renderSamples();
        exerciseClient();
        probe(store);
    }

    /** Every call the service makes, through a client like the function's, against {@link PrimingEndpoint}. */
    private void exerciseClient() {
        try (PrimingEndpoint endpoint = new PrimingEndpoint();
             S3Client client = S3Clients.create(endpoint.uri(), "us-east-1",
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")))) {
            ObjectStore store = new S3ObjectStore(client);
            ObjectRef ref = ObjectRef.of("priming", PROBE_KEY);
            for (int i = 0; i < CLIENT_ROUNDS; i++) {
                store.head(ref);
                try (InputStream in = store.get(ref)) {
                    in.readAllBytes();
                }
                store.put(ref, new byte[4096], new PutOptions("image/jpeg", "public, max-age=60", Map.of("priming", "1")));
                try (var listing = store.list("priming", "priming/")) {
                    listing.count();
                }
                store.delete(ref);
            }
        } catch (IOException | RuntimeException e) {
            // Priming is best effort: an invocation works without it, only its first call is slower.
        }
    }

    private void renderSamples() {
        BufferedImage photo = SampleImages.photo(4032, 3024, false);
        Map<String, byte[]> photos = Map.of("photo.jpg", SampleImages.jpeg(photo, false));
        Map<String, byte[]> others = Map.of(
                "progressive.jpg", SampleImages.jpeg(photo.getSubimage(0, 0, 2400, 1800), true),
                "graphic.png", SampleImages.png(photo.getSubimage(0, 0, 1600, 1200)),
                "cutout.png", SampleImages.png(SampleImages.photo(1200, 900, true)));
        PrimingStore store = new PrimingStore();
        ProcessService service = new ProcessService(config, store);
        process(service, store, photos, PHOTO_ROUNDS);
        process(service, store, others, SMALL_ROUNDS);
    }

    /** Each sample, {@code rounds} times, under a new key each time (renditions up to date are skipped). */
    private void process(ProcessService service, ObjectStore store, Map<String, byte[]> samples, int rounds) {
        String bucket = config.source().bucket() == null ? "priming" : config.source().bucket();
        String prefix = config.source().prefix() == null ? "" : config.source().prefix();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, byte[]> sample : samples.entrySet()) {
                ObjectRef ref = ObjectRef.of(bucket, prefix + "priming-" + round + "/" + sample.getKey());
                store.put(ref, sample.getValue(), new PutOptions("application/octet-stream", null, Map.of()));
                service.process(ref);
            }
        }
    }

    /**
     * A HEAD and a GET of a key that is not there, in the destination bucket (the function may list
     * it, so S3 answers 404 rather than 403). Best effort: a snapshot without network still works.
     */
    private void probe(ObjectStore store) {
        ObjectRef none = ObjectRef.of(config.destination().bucket(), PROBE_KEY);
        try {
            store.head(none);
            try (InputStream in = store.get(none)) {
                in.readAllBytes();
            }
        } catch (IOException | RuntimeException expected) {
            // The key does not exist, or S3 cannot be reached while the snapshot is taken: either
            // way the classes on the way are loaded, which is all this is for.
        }
    }
}
