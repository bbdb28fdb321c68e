package dev.s3resizer.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;

import static org.assertj.core.api.Assertions.assertThat;

class PartialUploadsTest {

    private static final String UUID = "0b6f3c1e-2a4d-4e8f-9c7b-5d1a2e3f4a5b";

    @Test
    void removesBodiesNeverFinishedAndKeepsEveryObject(@TempDir Path bucket) throws Exception {
        Path object = Files.write(bucket.resolve("photo.jpg"), new byte[] {1});
        Path partial = Files.write(bucket.resolve("photo.jpg-" + UUID), new byte[] {1, 2});
        Path nested = Files.write(Files.createDirectories(bucket.resolve("2024/06")).resolve("cat.jpg-" + UUID),
                new byte[] {3});
        Path namedLikeOne = Files.write(bucket.resolve("upload-" + UUID), new byte[] {4});
        finish(object);
        finish(namedLikeOne);

        assertThat(PartialUploads.remove(bucket)).containsExactlyInAnyOrder(partial, nested);

        assertThat(object).exists();
        assertThat(namedLikeOne).as("an object whose key ends in a UUID, finished").exists();
        assertThat(partial).doesNotExist();
        assertThat(nested).doesNotExist();
        assertThat(PartialUploads.remove(bucket.resolve("no-such-bucket"))).isEmpty();
    }

    /** What the store writes once the body is complete. */
    private static void finish(Path file) throws Exception {
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class)
                .write("user.content-md5", ByteBuffer.wrap(new byte[16]));
    }
}
