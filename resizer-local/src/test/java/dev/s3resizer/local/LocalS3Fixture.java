package dev.s3resizer.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** A started local endpoint on a free port plus an SDK client for it, closed together. */
final class LocalS3Fixture implements AutoCloseable {

    static final String BUCKET = "incoming";
    static final String OTHER_BUCKET = "resized";

    final RecordingListener events = new RecordingListener();
    final LocalS3Server server;
    final S3Client s3;

    LocalS3Fixture(Path dataDir) {
        LocalS3Options options = LocalS3Options.defaults().withPort(0).withDataDir(dataDir)
                .withBuckets(List.of(BUCKET, OTHER_BUCKET));
        server = LocalS3Server.start(options, events);
        s3 = client(server.endpoint(), LocalS3Options.DEFAULT_SECRET_KEY);
        events.readWith(s3);
    }

    /** An unmodified SDK v2 client as a user would configure it: path-style, static keys. */
    static S3Client client(URI endpoint, String secretKey) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalS3Options.DEFAULT_ACCESS_KEY, secretKey)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }

    @Override
    public void close() {
        s3.close();
        server.close();
    }
}
