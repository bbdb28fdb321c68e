package dev.s3resizer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalS3OptionsTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        LocalS3Options options = LocalS3Options.defaults();

        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.dataDir()).isEqualTo(Path.of("data"));
        assertThat(options.accessKey()).isEqualTo("resizer");
        assertThat(options.secretKey()).isEqualTo("resizer-secret");
        assertThat(options.region()).isEqualTo("us-east-1");
        assertThat(options.buckets()).isEmpty();
    }

    @Test
    void reportsEveryProblemTogether() {
        assertThatThrownBy(() -> new LocalS3Options(70_000, null, " ", "", null,
                List.of("Incoming", "ok-bucket", "ok-bucket", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port must be 0 (any free port) to 65535, got 70000")
                .hasMessageContaining("dataDir is missing")
                .hasMessageContaining("accessKey is empty")
                .hasMessageContaining("secretKey is empty")
                .hasMessageContaining("region is empty")
                .hasMessageContaining("'Incoming' is not a valid S3 bucket name")
                .hasMessageContaining("'x' is not a valid S3 bucket name")
                .hasMessageContaining("contain a duplicate");
    }

    @Test
    void withersChangeOneFieldAndKeepTheRest() {
        LocalS3Options options = LocalS3Options.defaults().withPort(0).withDataDir(Path.of("/tmp/d"))
                .withCredentials("ak", "sk").withRegion("eu-west-1").withBuckets(List.of("incoming"));

        assertThat(options).isEqualTo(new LocalS3Options(0, Path.of("/tmp/d"), "ak", "sk", "eu-west-1",
                List.of("incoming")));
    }
}
