package dev.s3resizer.service.testing;

import dev.s3resizer.local.LocalS3Options;
import dev.s3resizer.local.LocalS3Server;
import dev.s3resizer.service.storage.S3Clients;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real S3-compatible server (the embedded S3Proxy of local mode) on a free port, with the
 * buckets {@code incoming} and {@code resized}, and an SDK client for it. Tests talk HTTP to it.
 */
public final class S3Fixture implements AutoCloseable {

    public final LocalS3Server server;
    public final S3Client s3;

    public S3Fixture(Path dataDir) {
        LocalS3Options options = LocalS3Options.defaults().withPort(0).withDataDir(dataDir)
                .withBuckets(List.of("incoming", "resized"));
        server = LocalS3Server.start(options, event -> { });
        s3 = S3Clients.create(server.endpoint(), options.region(), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(options.accessKey(), options.secretKey())));
    }

    public String put(String bucket, String key, byte[] body) {
        return put(bucket, key, body, Map.of());
    }

    public String put(String bucket, String key, byte[] body, Map<String, String> metadata) {
        return s3.putObject(b -> b.bucket(bucket).key(key).metadata(metadata), RequestBody.fromBytes(body)).eTag();
    }

    public byte[] get(String bucket, String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    /** The object's headers, or null when it does not exist. */
    public HeadObjectResponse head(String bucket, String key) {
        try {
            return s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            return null;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return null;
            }
            throw e;
        }
    }

    public List<String> keys(String bucket) {
        return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(o -> o.key()).toList();
    }

    @Override
    public void close() {
        s3.close();
        server.close();
    }
}
