package dev.s3resizer.cli;

import dev.s3resizer.core.ImageInfo;
import dev.s3resizer.core.RenditionResult;

import java.util.List;
import java.util.Locale;

/** Human-readable lines for the command line: sizes in pixels and bytes, before and after. */
final class Report {

    private Report() {
    }

    static String line(String name, ImageInfo info, long bytesIn, List<RenditionResult> results, boolean named) {
        StringBuilder s = new StringBuilder(name).append("  ")
                .append(info.displayWidth()).append('x').append(info.displayHeight()).append(' ')
                .append(bytes(bytesIn)).append(" ->");
        for (int i = 0; i < results.size(); i++) {
            RenditionResult r = results.get(i);
            s.append(i == 0 ? " " : ", ");
            if (named) {
                s.append(r.rendition().name()).append(' ');
            }
            s.append(r.width()).append('x').append(r.height()).append(' ')
                    .append(r.format().extension()).append(' ').append(bytes(r.size()));
        }
        return s.toString();
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
    }
}
