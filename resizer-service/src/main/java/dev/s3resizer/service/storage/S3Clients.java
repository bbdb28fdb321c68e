package dev.s3resizer.service.storage;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.net.URI;
import java.time.Duration;

/**
 * Builds the S3 client every adapter uses: the standard credential and region chains, the Apache
 * HTTP client (reliable against local S3-compatible servers), and, with an endpoint override,
 * path-style addressing and checksums only where the operation requires them.
 *
 * <p>Over plain HTTP the SDK always signs the payload, since no TLS protects it. We keep that, but
 * have it sign the whole body once ({@code x-amz-content-sha256}) instead of aws-chunked encoding,
 * which signs every 128 KB chunk with its own HMAC that the server must verify again: the same
 * integrity for less work at both ends. Against AWS over HTTPS nothing changes: TLS protects the
 * body and the SDK's default checksums stay on.
 */
public final class S3Clients {

    private S3Clients() {
    }

    /**
     * @param endpoint an S3-compatible endpoint such as {@code http://127.0.0.1:9000}, or null for AWS
     * @param region   a region name, or null for the default region chain (us-east-1 with an endpoint)
     */
    public static S3Client create(URI endpoint, String region) {
        return create(endpoint, region, null);
    }

    /** As {@link #create(URI, String)} with fixed credentials, e.g. for the local endpoint; null for the chain. */
    public static S3Client create(URI endpoint, String region, AwsCredentialsProvider credentials) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(64)
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(60)));
        AwsClientSettings.apply(builder, endpoint, region, credentials);
        if (endpoint != null) {
            builder.forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            if ("http".equalsIgnoreCase(endpoint.getScheme())) {
                builder.serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build());
            }
        }
        return builder.build();
    }
}
