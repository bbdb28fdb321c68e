package dev.s3resizer.cli;

import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.manifest.Manifest;
import dev.s3resizer.service.manifest.PictureHtml;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.net.URI;
import java.util.concurrent.Callable;

/** {@code resizer srcset KEY}: the {@code <picture>} HTML of a processed source, from its manifest. */
@Command(name = "srcset",
        mixinStandardHelpOptions = true,
        description = {"Prints the <picture> element for a processed source, from its manifest: a WebP <source>"
                + " first when there are WebP renditions, an <img> with srcset, sizes, width and height, and the"
                + " placeholder as background.",
            "Exit 1 when the source has no manifest (not processed yet, or manifests are off)."})
final class SrcsetCommand implements Callable<Integer> {

    @Mixin
    ServiceOptions options;

    @Parameters(paramLabel = "KEY", description = "The source key, as uploaded (e.g. photos/cat.jpg).")
    String key;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Prefix of rendition URLs, e.g. https://cdn.example.com/ (default: the destination bucket's"
                    + " URL on the endpoint, or https://BUCKET.s3.amazonaws.com/).")
    String baseUrl;

    @Option(names = "--sizes", paramLabel = "SIZES", defaultValue = "100vw",
            description = "The sizes attribute (default: ${DEFAULT-VALUE}), e.g. \"(min-width: 800px) 50vw, 100vw\".")
    String sizes;

    @Option(names = "--alt", paramLabel = "TEXT", defaultValue = "", description = "The alt text (default: empty).")
    String alt;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ResizerConfig config = options.loadConfig();
        String manifestKey = config.destination().manifestKey(key);
        if (manifestKey == null) {
            spec.commandLine().getErr().println("manifests are off (destination.manifestPrefix is empty)");
            return 1;
        }
        String bucket = config.destination().bucket();
        try (S3Client s3 = options.s3()) {
            Manifest manifest = Manifest.fromJson(s3.getObjectAsBytes(b -> b.bucket(bucket).key(manifestKey)).asByteArray());
            spec.commandLine().getOut().print(new PictureHtml(base(bucket), sizes, alt).render(manifest));
            spec.commandLine().getOut().flush();
            return 0;
        } catch (NoSuchKeyException e) {
            spec.commandLine().getErr().println("no manifest at s3://" + bucket + "/" + manifestKey
                    + ": the source is not processed yet, or does not exist");
            return 1;
        } catch (SdkException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("cannot read s3://" + bucket + "/" + manifestKey + ": " + e.getMessage());
            return 1;
        }
    }

    private String base(String bucket) {
        if (baseUrl != null) {
            return baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        }
        URI endpoint = options.endpointOrEnv();
        if (endpoint == null) {
            return "https://" + bucket + ".s3.amazonaws.com/";
        }
        String e = endpoint.toString();
        return (e.endsWith("/") ? e : e + "/") + bucket + "/";
    }
}
