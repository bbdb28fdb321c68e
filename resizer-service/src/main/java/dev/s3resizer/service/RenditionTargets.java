package dev.s3resizer.service;

import dev.s3resizer.core.ImageFormat;
import dev.s3resizer.core.OutputFormat;
import dev.s3resizer.core.Rendition;
import dev.s3resizer.service.config.KeyTemplate;
import dev.s3resizer.service.config.ResizerConfig;
import dev.s3resizer.service.storage.ObjectRef;

import java.util.ArrayList;
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

    /**
     * Every key the rendition may have: one per format it can come out as ({@code auto}: JPEG or
     * PNG; {@code animated}: also GIF, for an animated source).
     */
    List<ObjectRef> candidates(Rendition rendition, String sourceKey) {
        List<ObjectRef> out = new ArrayList<>();
        if (rendition.format() != OutputFormat.AUTO) {
            out.add(target(rendition, sourceKey, rendition.format().resolve(false)));
        } else {
            out.add(target(rendition, sourceKey, ImageFormat.JPEG));
            out.add(target(rendition, sourceKey, ImageFormat.PNG));
        }
        if (rendition.animated()) {
            out.add(target(rendition, sourceKey, ImageFormat.GIF));
        }
        return out;
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
