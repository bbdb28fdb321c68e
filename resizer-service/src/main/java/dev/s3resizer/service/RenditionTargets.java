package dev.s3resizer.service;

import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.OutputFormat;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.service.config.KeyTemplate;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.ObjectRef;

import java.util.List;

/** Where the renditions of a source key live in the destination, per the key template. */
final class RenditionTargets {

    private final ResizerConfig config;
    private final KeyTemplate template;

    RenditionTargets(ResizerConfig config) {
        this.config = config;
        this.template = new KeyTemplate(config.destination().keyTemplate());
    }

    ObjectRef target(Rendition rendition, String sourceKey, ImageFormat format) {
        return ObjectRef.of(config.destination().bucket(), template.render(rendition.name(), sourceKey, format));
    }

    /** Every key the rendition may have: one per format it can come out as ({@code auto}: JPEG or PNG). */
    List<ObjectRef> candidates(Rendition rendition, String sourceKey) {
        if (rendition.format() != OutputFormat.AUTO) {
            return List.of(target(rendition, sourceKey, rendition.format().resolve(false)));
        }
        return List.of(target(rendition, sourceKey, ImageFormat.JPEG), target(rendition, sourceKey, ImageFormat.PNG));
    }

    /** True when the key is where this configuration writes renditions, manifests or failure records. */
    boolean isOutputKey(String bucket, String key) {
        if (!bucket.equals(config.destination().bucket())) {
            return false;
        }
        String failed = config.destination().failedPrefix();
        if (!failed.isEmpty() && key.startsWith(failed)) {
            return true;
        }
        String manifests = config.destination().manifestPrefix();
        if (!manifests.isEmpty() && key.startsWith(manifests)) {
            return true;
        }
        for (Rendition r : config.renditions()) {
            String fixed = template.fixedPrefix(r.name());
            if (!fixed.isEmpty() && key.startsWith(fixed)) {
                return true;
            }
        }
        return false;
    }
}
