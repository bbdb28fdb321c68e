package dev.s3resizer.worker;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import dev.s3resizer.service.storage.AwsClientSettings;
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
        AwsClientSettings.apply(builder, endpoint, region, credentials);
        return builder.build();
    }
}
