package dev.s3resizer.lambda;

import dev.s3resizer.service.ProcessService;
import dev.s3resizer.service.config.ConfigLoader;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.AwsClientSettings;
import dev.s3resizer.service.storage.S3Clients;
import dev.s3resizer.service.storage.S3ObjectStore;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.util.Map;

/**
 * What one Lambda container builds once, at cold start: configuration from the environment, the S3
 * client and the service. A SnapStart-friendly CRaC resource: before the snapshot it primes every
 * path an invocation takes ({@link Priming}) and closes connections; after restore it opens a fresh client.
 */
final class Container implements Resource {

    private final ResizerConfig config;
    private final URI endpoint;
    private final String region;
    private static Container shared;

    private volatile S3Client s3;
    private volatile ProcessService service;

    /** The container's one instance, configured from the environment on first use (cold start). */
    static synchronized Container shared() {
        if (shared == null) {
            shared = new Container(System.getenv());
        }
        return shared;
    }

    Container(Map<String, String> env) {
        this.config = ConfigLoader.load(null, env);
        this.endpoint = AwsClientSettings.endpointFromEnvironment(env, "S3");
        this.region = env.get("AWS_REGION");
        open();
        Core.getGlobalContext().register(this);
    }

    ProcessService service() {
        return service;
    }

    private void open() {
        s3 = S3Clients.create(endpoint, region);
        service = new ProcessService(config, new S3ObjectStore(s3));
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        new Priming(config).run(new S3ObjectStore(s3));
        s3.close();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        open();
    }
}
