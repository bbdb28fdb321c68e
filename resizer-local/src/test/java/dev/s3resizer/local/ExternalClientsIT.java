package dev.s3resizer.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.s3resizer.local.RecordingListener.Arrival;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unmodified third-party clients against the local endpoint: every aws CLI found on PATH and
 * boto3. Skipped (not failed) on machines without them; they are not project requirements.
 */
class ExternalClientsIT {

    /** Above the aws CLI's and boto3's 8 MB multipart threshold: uploaded in two parts. */
    private static final int LARGE_FILE_BYTES = 9 * 1024 * 1024;

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> awsCliCopiesListsAndRemovesWithEvents() {
        List<Path> clis = ExternalClient.awsClisOnPath();
        if (clis.isEmpty()) {
            return Stream.of(dynamicTest("aws CLI", () -> assumeTrue(false, "no aws CLI on PATH: skipped")));
        }
        return clis.stream().map(cli -> dynamicTest(cli.toString(), () -> exerciseAwsCli(cli)));
    }

    @Test
    void boto3PutsUploadsCopiesAndDeletesWithEvents() throws Exception {
        Optional<Path> python = ExternalClient.pythonWithBoto3(tmp);
        assumeTrue(python.isPresent(), "python3 with boto3 not installed: skipping the boto3 check");
        Path large = largeFile(tmp.resolve("big.bin"));
        try (LocalS3Fixture local = new LocalS3Fixture(tmp.resolve("data"))) {
            new ExternalClient(tmp).run(List.of(python.get().toString(), "-c", BOTO3_SCRIPT,
                    local.server.endpoint().toString(), large.toString())).assertSucceeded("boto3 script");

            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                var record = local.events.next().record();
                seen.add(record.getEventName() + " " + record.getS3().getObject().getUrlDecodedKey());
            }
            assertThat(seen).containsExactlyInAnyOrder(
                    "ObjectCreated:Put boto/a b+c (1) é%.jpg",
                    "ObjectCreated:CompleteMultipartUpload boto/big.bin",
                    "ObjectCreated:Copy boto/copy.jpg",
                    "ObjectRemoved:Delete boto/copy.jpg",
                    "ObjectRemoved:Delete boto/big.bin");
        }
    }

    private void exerciseAwsCli(Path cli) throws Exception {
        Path work = Files.createTempDirectory(tmp, "cli");
        Path small = Files.writeString(work.resolve("photo 1+2.jpg"), "not really a jpeg");
        Path large = largeFile(work.resolve("large scan.tif"));
        try (LocalS3Fixture local = new LocalS3Fixture(work.resolve("data"))) {
            var aws = new AwsCommand(new ExternalClient(work), cli, local.server.endpoint().toString());

            aws.run("s3", "cp", "--only-show-errors", small.toString(), "s3://incoming/cli/");
            assertCreated(local, local.events.next(), "ObjectCreated:Put", "cli/photo 1+2.jpg", Files.size(small));

            assertThat(aws.run("s3", "ls", "s3://incoming/cli/").output()).contains("photo 1+2.jpg");

            aws.run("s3", "cp", "--only-show-errors", large.toString(), "s3://incoming/cli/");
            Arrival multipart = local.events.next();
            assertCreated(local, multipart, "ObjectCreated:CompleteMultipartUpload", "cli/large scan.tif",
                    LARGE_FILE_BYTES);
            assertThat(multipart.record().getS3().getObject().getETag()).endsWith("-2");

            aws.run("s3", "rm", "--only-show-errors", "s3://incoming/cli/photo 1+2.jpg");
            Arrival removed = local.events.next();
            assertThat(removed.record().getEventName()).isEqualTo("ObjectRemoved:Delete");
            assertThat(removed.record().getS3().getObject().getUrlDecodedKey()).isEqualTo("cli/photo 1+2.jpg");
            assertThat(removed.objectWhenArrived()).isNull();
        }
    }

    private static void assertCreated(LocalS3Fixture local, Arrival arrival, String eventName, String key,
            long size) {
        var object = arrival.record().getS3().getObject();
        assertThat(arrival.record().getEventName()).isEqualTo(eventName);
        assertThat(object.getUrlDecodedKey()).isEqualTo(key);
        assertThat(object.getSizeAsLong()).isEqualTo(size);
        assertThat(arrival.objectWhenArrived()).as("readable when the event arrives").isNotNull();
        String storedETag = local.s3.headObject(b -> b.bucket("incoming").key(key)).eTag().replace("\"", "");
        assertThat(object.getETag()).isEqualTo(storedETag);
    }

    private static Path largeFile(Path path) throws Exception {
        byte[] bytes = new byte[LARGE_FILE_BYTES];
        new Random(42).nextBytes(bytes);
        return Files.write(path, bytes);
    }

    /** One aws CLI binary pointed at the local endpoint. */
    private record AwsCommand(ExternalClient client, Path cli, String endpoint) {

        ExternalClient.Result run(String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(cli.toString(), "--endpoint-url", endpoint));
            command.addAll(List.of(args));
            return client.run(command).assertSucceeded(String.join(" ", command));
        }
    }

    private static final String BOTO3_SCRIPT = """
            import sys, boto3
            s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1")
            s3.put_object(Bucket="incoming", Key="boto/a b+c (1) é%.jpg", Body=b"hello")
            s3.upload_file(sys.argv[2], "incoming", "boto/big.bin")
            s3.copy_object(Bucket="incoming", Key="boto/copy.jpg",
                           CopySource={"Bucket": "incoming", "Key": "boto/a b+c (1) é%.jpg"})
            s3.delete_objects(Bucket="incoming", Delete={"Objects": [
                {"Key": "boto/copy.jpg"}, {"Key": "boto/big.bin"}]})
            """;
}
