package dev.s3resizer.cli;

import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.AwsClientSettings;
import dev.s3resizer.service.storage.S3Clients;
import dev.s3resizer.service.storage.S3ObjectStore;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.nio.file.Path;

/**
 * Options shared by every command that talks to S3: {@code --endpoint} (omitted: real AWS),
 * {@code --region} and {@code --config}. Credentials and region otherwise come from the standard
 * AWS chains ({@code AWS_ACCESS_KEY_ID}, {@code AWS_PROFILE}, {@code AWS_REGION}, ...).
 */
final class ServiceOptions {

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "S3-compatible endpoint, e.g. http://127.0.0.1:9000 (default: AWS, or AWS_ENDPOINT_URL_S3).")
    URI endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: the AWS region chain).")
    String region;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (default: RESIZER_CONFIG, else built-in defaults); RESIZER_* variables override it.")
    Path config;

    ResizerConfig loadConfig() {
        return ConfigLoader.load(config, System.getenv());
    }

    URI endpointOrEnv() {
        return endpoint != null ? endpoint : AwsClientSettings.endpointFromEnvironment(System.getenv(), "S3");
    }

    S3Client s3() {
        return S3Clients.create(endpointOrEnv(), region);
    }

    ProcessService service(S3Client s3) {
        return new ProcessService(loadConfig(), new S3ObjectStore(s3));
    }
}
