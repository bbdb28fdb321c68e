package dev.s3resizer.cli;

import dev.s3resizer.service.storage.S3Clients;
import dev.s3resizer.service.testing.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve} killed with SIGKILL during and after a burst of uploads, then started again on the
 * same data: the sources the killed server never processed get their renditions, the renditions
 * of a source deleted while it was down go, and the upload cut off mid-body never appears as an
 * object.
 */
class ServeCrashRecoveryIT {

    private static final List<String> RENDITIONS = List.of("thumb", "medium", "large");

    @TempDir
    Path data;
    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stopServers() {
        servers.forEach(Process::destroyForcibly);
    }

    @Test
    void aServerKilledMidBurstCatchesUpOnRestartAndShowsNoHalfWrittenUpload() throws Exception {
        int port = freePort();
        start(port);
        S3Client s3 = S3Clients.create(URI.create("http://127.0.0.1:" + port), "us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("resizer", "resizer-secret")));
        put(s3, "gone.jpg");
        awaitRenditions(s3, "gone.jpg");
        CountDownLatch halfSent = new CountDownLatch(1);
        // A client with the SDK's defaults streams the body in signed chunks, as the aws CLI does;
        // the product's own client signs a whole body first, so it would never send half of one.
        S3Client streaming = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                .forcePathStyle(true).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("resizer", "resizer-secret")))
                .build();
        Thread cutOff = Thread.ofVirtual().start(() -> {
            try {
                streaming.putObject(b -> b.bucket("incoming").key("cut-off.jpg"), RequestBody.fromContentProvider(
                        () -> new StallingStream(TestImages.jpeg(2000, 1500), halfSent), 4 << 20, "image/jpeg"));
            } catch (RuntimeException expected) {
                // the server dies under it
            }
        });
        assertThat(halfSent.await(60, TimeUnit.SECONDS)).isTrue();
        awaitTemporaryFile();
        List<String> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            burst.add("burst/" + i + ".jpg");
            put(s3, burst.getLast());
        }

        servers.getLast().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        // The stalled body never reads the dead socket: the client learns of the kill only when woken.
        cutOff.interrupt();
        cutOff.join(30_000);
        streaming.close();
        Files.delete(data.resolve("incoming").resolve("gone.jpg"));
        assertThat(temporaryFiles()).as("the cut-off upload's body, half written").hasSize(1);

        BlockingQueue<String> again = start(port);
        String reconciled = awaitLine(again, "reconciled at start:");

        assertThat(reconciled).contains(" 0 failed, 3 renditions of deleted sources removed, ")
                .containsPattern("[1-9][0-9]* partial uploads removed");
        for (String key : burst) {
            awaitRenditions(s3, key);
        }
        List<String> sources = s3.listObjectsV2(b -> b.bucket("incoming")).contents().stream().map(S3Object::key).toList();
        assertThat(sources).containsExactlyInAnyOrderElementsOf(burst);
        List<String> renditions = s3.listObjectsV2(b -> b.bucket("resized")).contents().stream().map(S3Object::key)
                .filter(k -> !k.startsWith("manifests/")).toList();
        assertThat(renditions).noneMatch(k -> k.endsWith("gone.jpg")).hasSize(3 * burst.size());
        assertThat(temporaryFiles()).isEmpty();
        s3.close();
    }

    private BlockingQueue<String> start(int port) throws IOException, InterruptedException {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), ResizerCommand.class.getName(),
                "serve", "--port", Integer.toString(port), "--data", data.toString())
                .redirectErrorStream(true).start();
        servers.add(server);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream()))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("output closed: " + e.getMessage());
            }
        });
        awaitLine(lines, "http://127.0.0.1:" + port);
        return lines;
    }

    private static String awaitLine(BlockingQueue<String> lines, String part) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (String line = lines.poll(120, TimeUnit.SECONDS); line != null; line = lines.poll(120, TimeUnit.SECONDS)) {
            seen.add(line);
            if (line.contains(part)) {
                return line;
            }
        }
        throw new AssertionError("no line with " + part + " in " + seen);
    }

    private static void put(S3Client s3, String key) {
        s3.putObject(b -> b.bucket("incoming").key(key), RequestBody.fromBytes(TestImages.jpeg(1200, 800)));
    }

    private static void awaitRenditions(S3Client s3, String key) throws InterruptedException {
        for (String rendition : RENDITIONS) {
            for (int attempt = 0; !exists(s3, rendition + "/" + key); attempt++) {
                assertThat(attempt).as(rendition + "/" + key + " within a minute").isLessThan(600);
                Thread.sleep(100);
            }
        }
    }

    private static boolean exists(S3Client s3, String key) {
        try {
            s3.headObject(b -> b.bucket("resized").key(key));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void awaitTemporaryFile() throws Exception {
        for (int attempt = 0; temporaryFiles().isEmpty(); attempt++) {
            assertThat(attempt).as("the upload's temporary file within a minute").isLessThan(600);
            Thread.sleep(100);
        }
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(data.resolve("incoming"))) {
            return files.filter(f -> f.getFileName().toString().startsWith("cut-off.jpg-")).toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The first megabyte of an image, then nothing: an upload whose client stalls mid-body. */
    private static final class StallingStream extends InputStream {
        private final byte[] head;
        private final CountDownLatch sent;
        private int at;

        StallingStream(byte[] image, CountDownLatch sent) {
            this.head = java.util.Arrays.copyOf(image, 1 << 20);
            this.sent = sent;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at < head.length) {
                int n = Math.min(len, head.length - at);
                System.arraycopy(head, at, b, off, n);
                at += n;
                return n;
            }
            sent.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("stalled upload interrupted");
        }
    }
}
