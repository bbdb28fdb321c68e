package dev.s3resizer.cli;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.local.LocalS3Options;
import dev.s3resizer.service.config.ResizerConfig;

import java.net.URI;
import java.util.stream.Collectors;

/** The one-screen start-up banner of {@code resizer serve}. */
final class Banner {

    private Banner() {
    }

    static String text(URI endpoint, LocalS3Options o, ResizerConfig c, String queueLines, URI dashboard) {
        String renditions = c.renditions().stream().map(Rendition::toString).collect(Collectors.joining(", "));
        return String.join("\n",
                "S3 Image Resizer: local mode",
                "  endpoint     " + endpoint,
                "  dashboard    " + (dashboard == null ? "off" : dashboard),
                "  credentials  AWS_ACCESS_KEY_ID=" + o.accessKey() + "  AWS_SECRET_ACCESS_KEY=" + o.secretKey()
                        + "  (region " + o.region() + ")",
                "  watching     s3://" + c.source().bucket() + "/" + c.source().prefix(),
                "  writing      s3://" + c.destination().bucket() + "/" + c.destination().keyTemplate(),
                "  renditions   " + renditions,
                "  data         " + o.dataDir().toAbsolutePath().normalize()
                        + (queueLines.isEmpty() ? "" : "\n" + queueLines),
                "",
                "Try it:",
                "  export AWS_ACCESS_KEY_ID=" + o.accessKey() + " AWS_SECRET_ACCESS_KEY=" + o.secretKey()
                        + " AWS_DEFAULT_REGION=" + o.region(),
                "  aws --endpoint-url " + endpoint + " s3 cp photo.jpg s3://" + c.source().bucket() + "/"
                        + c.source().prefix(),
                "  aws --endpoint-url " + endpoint + " s3 ls --recursive s3://" + c.destination().bucket() + "/",
                "Ctrl-C stops.");
    }
}
