package dev.s3resizer.service.storage;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

import java.net.URI;

/**
 * What every AWS client of the resizer gets, whatever the service: an explicit region if given
 * (us-east-1 for a local endpoint when the environment names none, as local servers expect),
 * fixed credentials if given (else the default chain) and the endpoint override.
 */
public final class AwsClientSettings {

    private AwsClientSettings() {
    }

    public static void apply(AwsClientBuilder<?, ?> builder, URI endpoint, String region,
                             AwsCredentialsProvider credentials) {
        if (region != null && !region.isBlank()) {
            builder.region(Region.of(region));
        } else if (endpoint != null && System.getenv("AWS_REGION") == null
                && System.getenv("AWS_DEFAULT_REGION") == null) {
            builder.region(Region.US_EAST_1);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
    }
}
