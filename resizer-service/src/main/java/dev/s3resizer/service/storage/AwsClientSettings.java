package dev.s3resizer.service.storage;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

import java.net.URI;

/**
 * What every AWS client of the resizer gets, whatever the service: an explicit region if given,
 * else {@code AWS_REGION} or, like the aws CLI, {@code AWS_DEFAULT_REGION} (which the SDK itself
 * ignores), else us-east-1 for a local endpoint; fixed credentials if given (else the default
 * chain) and the endpoint override.
 */
public final class AwsClientSettings {

    private AwsClientSettings() {
    }

    public static void apply(AwsClientBuilder<?, ?> builder, URI endpoint, String region,
                             AwsCredentialsProvider credentials) {
        String chosen = firstNonBlank(region, System.getenv("AWS_REGION"), System.getenv("AWS_DEFAULT_REGION"));
        if (chosen != null) {
            builder.region(Region.of(chosen));
        } else if (endpoint != null) {
            builder.region(Region.US_EAST_1);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
    }

    /**
     * The endpoint the environment names for a service, as the AWS SDKs and CLI read it:
     * {@code AWS_ENDPOINT_URL_<SERVICE>} (e.g. {@code AWS_ENDPOINT_URL_S3}), else {@code AWS_ENDPOINT_URL};
     * null for AWS itself.
     */
    public static URI endpointFromEnvironment(java.util.Map<String, String> env, String service) {
        String url = firstNonBlank(env.get("AWS_ENDPOINT_URL_" + service), env.get("AWS_ENDPOINT_URL"));
        return url == null ? null : URI.create(url);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
