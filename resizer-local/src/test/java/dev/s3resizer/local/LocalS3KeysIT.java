package dev.s3resizer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keys as S3 has them, through the AWS SDK: the filesystem store behind the local endpoint must
 * answer 4xx, as S3 would, for keys it cannot hold as themselves, and never store one key under
 * another's name.
 */
class LocalS3KeysIT {

    private static final String BUCKET = LocalS3Fixture.BUCKET;

    @TempDir
    Path dataDir;

    private LocalS3Fixture local;

    @BeforeEach
    void start() {
        local = new LocalS3Fixture(dataDir);
    }

    @AfterEach
    void stop() {
        local.close();
    }

    /**
     * Bug: these keys gave HTTP 500, or were stored under another key's name ({@code x/./y.jpg}
     * as {@code x/y.jpg}, {@code x;../../name.jpg} as {@code name.jpg}).
     */
    @ParameterizedTest
    @ValueSource(strings = {".", "..", "./dot.jpg", "x/./y.jpg", "x/../y.jpg", "x;../../name.jpg", "a/b/.."})
    void regressionKeysTheFilesystemResolvesWereStoredUnderOtherNames(String key) throws InterruptedException {
        assertThatThrownBy(() -> put(key))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("cannot be stored by this local server");
                });

        assertThat(keys()).isEmpty();
        local.events.assertNoMore(Duration.ofMillis(300));
    }

    /**
     * Keys the HTTP layer refuses before the store sees them: it merges '//' before checking the
     * signature (403 SignatureDoesNotMatch) and rejects a NUL (400 InvalidURI). A client error
     * either way, and nothing is stored.
     */
    @ParameterizedTest
    @ValueSource(strings = {"x//y.jpg", "/lead.jpg", "nul\u0000.jpg"})
    void keysTheHttpLayerRefusesAreAClientErrorAndStoreNothing(String key) throws InterruptedException {
        assertThatThrownBy(() -> put(key))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isBetween(400, 499));

        assertThat(keys()).isEmpty();
        local.events.assertNoMore(Duration.ofMillis(300));
    }

    @Test
    void aPathSegmentLongerThanAFileNameIsInvalidArgument() {
        String key = "photos/" + "a".repeat(300) + ".jpg";

        assertThatThrownBy(() -> put(key)).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
            assertThat(e.awsErrorDetails().errorMessage()).contains("304 bytes");
        });
        assertThat(keys()).isEmpty();
    }

    @Test
    void aKeyOver1024BytesIsKeyTooLongAsInS3() {
        String tooLong = ("s".repeat(254) + "/").repeat(4) + "éé.jp";

        assertThat(tooLong.getBytes(StandardCharsets.UTF_8)).hasSize(1_027);
        for (Runnable call : List.<Runnable>of(() -> put(tooLong),
                () -> local.s3.headObject(b -> b.bucket(BUCKET).key(tooLong)),
                () -> local.s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(tooLong)))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                if (e.awsErrorDetails().errorCode() != null) {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyTooLongError");
                }
            });
        }
    }

    @Test
    void keysAtTheLimitsAreStoredAsThemselves() {
        String longest = ("s".repeat(254) + "/").repeat(4) + "xx.j";
        String odd = "a b/c+d/tab\there/semi;colon/dots.../..x/x../café.jpg";
        assertThat(longest.getBytes(StandardCharsets.UTF_8)).hasSize(1024);

        put(longest);
        put(odd);

        assertThat(keys()).containsExactlyInAnyOrder(longest, odd);
        assertThat(local.s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(odd)).asUtf8String()).isEqualTo(odd);
    }

    @Test
    void readingOrDeletingAKeyNoObjectCanHaveFindsNothing() {
        put("x/y.jpg");

        assertThatThrownBy(() -> local.s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("x/./y.jpg")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        local.s3.deleteObject(b -> b.bucket(BUCKET).key("x/y.jpg/."));

        assertThat(keys()).containsExactly("x/y.jpg");
    }

    private void put(String key) {
        local.s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(key));
    }

    private List<String> keys() {
        return local.s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream().map(S3Object::key).toList();
    }
}
