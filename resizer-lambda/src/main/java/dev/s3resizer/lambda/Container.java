package dev.s3resizer.lambda;

import dev.s3resizer.core.ImageResizer;
import dev.s3resizer.core.Rendition;
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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

/**
 * What one Lambda container builds once, at cold start: configuration from the environment, the S3
 * client and the service. A SnapStart-friendly CRaC resource: before the snapshot it warms the
 * imaging pipeline and closes connections; after restore it opens a fresh client.
 */
final class Container implements Resource {

    private static final int WARM_UP_ROUNDS = 12;

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
        warmUp();
        s3.close();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        open();
    }

    /**
     * Runs the pipeline on a small image, enough times for the JIT to compile the hot loops, so the
     * snapshot holds loaded codecs and compiled code rather than an interpreter's first steps.
     */
    private void warmUp() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 480; y++) {
            for (int x = 0; x < 640; x++) {
                image.setRGB(x, y, (x * 255 / 640) << 16 | (y * 255 / 480) << 8 | 128);
            }
        }
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImageResizer resizer = new ImageResizer(config.limits());
        var renditions = java.util.List.of(Rendition.parse("warm", "320"), Rendition.parse("warm-png", "100,png"));
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            resizer.render(jpeg.toByteArray(), renditions);
        }
    }
}
