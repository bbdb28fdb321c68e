package dev.s3resizer.worker;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

import java.net.URI;
import java.time.Duration;

/** Builds SQS clients: standard chains, Apache HTTP client with a socket timeout above the long poll. */
public final class SqsClients {

    private SqsClients() {
    }

    /**
     * @param endpoint an SQS-compatible endpoint (ElasticMQ), or null for AWS
     * @param credentials fixed credentials, or null for the default chain
     */
    public static SqsClient create(URI endpoint, String region, AwsCredentialsProvider credentials) {
        SqsClientBuilder builder = SqsClient.builder()
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(64)
                        .socketTimeout(Duration.ofSeconds(30)));
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region));
        } else if (endpoint != null && System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null) {
            builder.region(Region.US_EAST_1);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
