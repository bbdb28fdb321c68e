package dev.s3resizer.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of the local S3 endpoint: where it listens, where it keeps objects, which fixed
 * credentials clients must sign with and which buckets must exist. Every problem is reported
 * together when the options are created, so a bad command line fails before anything starts.
 *
 * <p>Example: {@code LocalS3Options.defaults().withPort(0).withDataDir(tmp).withBuckets(List.of("incoming"))}
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one (tests)
 * @param dataDir directory holding one sub-directory per bucket; created when missing
 * @param accessKey access key id clients sign requests with
 * @param secretKey secret access key clients sign requests with
 * @param region region reported in event records and ARNs
 * @param buckets buckets created at start when missing
 */
public record LocalS3Options(
        int port, Path dataDir, String accessKey, String secretKey, String region, List<String> buckets) {

    /** Port of {@code ./resizer serve} when none is given. */
    public static final int DEFAULT_PORT = 9000;
    /** Data directory when none is given, relative to the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of("data");
    /** Documented local access key: {@code aws configure} or {@code AWS_ACCESS_KEY_ID=resizer}. */
    public static final String DEFAULT_ACCESS_KEY = "resizer";
    /** Documented local secret key: {@code AWS_SECRET_ACCESS_KEY=resizer-secret}. */
    public static final String DEFAULT_SECRET_KEY = "resizer-secret";
    /** Region of the local endpoint; clients may sign for any region. */
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern BUCKET_NAME =
            Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    /** Validates every field and reports all problems in one exception. */
    public LocalS3Options {
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
        List<String> problems = problems(port, dataDir, accessKey, secretKey, region, buckets);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid local S3 options: " + String.join("; ", problems));
        }
    }

    /** Port 9000, {@code ./data}, the documented credentials, us-east-1 and no buckets. */
    public static LocalS3Options defaults() {
        return new LocalS3Options(DEFAULT_PORT, DEFAULT_DATA_DIR, DEFAULT_ACCESS_KEY,
                DEFAULT_SECRET_KEY, DEFAULT_REGION, List.of());
    }

    /** A copy listening on {@code newPort} (0 = any free port). */
    public LocalS3Options withPort(int newPort) {
        return new LocalS3Options(newPort, dataDir, accessKey, secretKey, region, buckets);
    }

    /** A copy keeping objects under {@code newDataDir}. */
    public LocalS3Options withDataDir(Path newDataDir) {
        return new LocalS3Options(port, newDataDir, accessKey, secretKey, region, buckets);
    }

    /** A copy accepting requests signed with {@code newAccessKey}/{@code newSecretKey}. */
    public LocalS3Options withCredentials(String newAccessKey, String newSecretKey) {
        return new LocalS3Options(port, dataDir, newAccessKey, newSecretKey, region, buckets);
    }

    /** A copy reporting {@code newRegion} in events. */
    public LocalS3Options withRegion(String newRegion) {
        return new LocalS3Options(port, dataDir, accessKey, secretKey, newRegion, buckets);
    }

    /** A copy that creates {@code newBuckets} at start. */
    public LocalS3Options withBuckets(List<String> newBuckets) {
        return new LocalS3Options(port, dataDir, accessKey, secretKey, region, newBuckets);
    }

    private static List<String> problems(int port, Path dataDir, String accessKey, String secretKey,
            String region, List<String> buckets) {
        List<String> problems = new ArrayList<>();
        if (port < 0 || port > 65_535) {
            problems.add("port must be 0 (any free port) to 65535, got " + port);
        }
        if (dataDir == null) {
            problems.add("dataDir is missing: give the directory that holds the buckets, e.g. ./data");
        }
        if (isBlank(accessKey)) {
            problems.add("accessKey is empty: give one, e.g. " + DEFAULT_ACCESS_KEY);
        }
        if (isBlank(secretKey)) {
            problems.add("secretKey is empty: give one, e.g. " + DEFAULT_SECRET_KEY);
        }
        if (isBlank(region)) {
            problems.add("region is empty: give one, e.g. " + DEFAULT_REGION);
        }
        for (String bucket : buckets) {
            if (bucket == null || !BUCKET_NAME.matcher(bucket).matches() || bucket.contains("..")) {
                problems.add("bucket name '" + bucket + "' is not a valid S3 bucket name: use 3 to 63"
                        + " lower-case letters, digits, '.' or '-', starting and ending with a letter or digit");
            }
        }
        if (buckets.stream().filter(Objects::nonNull).distinct().count() != buckets.size()) {
            problems.add("buckets " + buckets + " contain a duplicate");
        }
        return problems;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
