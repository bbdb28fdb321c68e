package dev.s3resizer.lambda;

import dev.s3resizer.service.storage.ObjectRef;
import dev.s3resizer.service.storage.PutOptions;
import dev.s3resizer.service.storage.S3Clients;
import dev.s3resizer.service.storage.S3ObjectStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Priming runs the SDK's calls against the stand-in; each must succeed there, or its path stays cold. */
class PrimingEndpointTest {

    @Test
    void answersEveryCallTheServiceMakes() throws Exception {
        try (PrimingEndpoint endpoint = new PrimingEndpoint();
             S3Client client = S3Clients.create(endpoint.uri(), "us-east-1",
                     StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))) {
            S3ObjectStore store = new S3ObjectStore(client);
            ObjectRef ref = ObjectRef.of("priming", "a/b.jpg");

            assertThat(store.head(ref)).isPresent();
            try (InputStream in = store.get(ref)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("priming");
            }
            store.put(ref, new byte[4096], new PutOptions("image/jpeg", "public, max-age=60", Map.of("k", "v")));
            try (var listing = store.list("priming", "a/")) {
                assertThat(listing.count()).isZero();
            }
            store.delete(ref);
        }
    }
}
