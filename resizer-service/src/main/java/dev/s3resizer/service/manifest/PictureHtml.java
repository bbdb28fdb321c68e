package dev.s3resizer.service.manifest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The {@code <picture>} element for a manifest: a WebP {@code <source>} first when there are WebP
 * renditions, then an {@code <img>} with the JPEG/PNG ones, each as a {@code srcset} of widths;
 * {@code width}/{@code height} so the page reserves the space before anything loads (no layout
 * shift), the dominant colour and the inline placeholder as background. Only renditions with the
 * picture's own aspect ratio go into {@code srcset} (a cover crop would be shown distorted).
 *
 * <p>{@code String html = new PictureHtml("https://cdn.example.com/", "100vw", "A cat").render(manifest);}
 *
 * @param baseUrl prefix of every rendition URL; the rendition key, percent-encoded, is appended
 * @param sizes   the {@code sizes} attribute, e.g. {@code (min-width: 800px) 50vw, 100vw}
 * @param alt     the image's text alternative
 */
public record PictureHtml(String baseUrl, String sizes, String alt) {

    private static final String WEBP = "image/webp";

    public String render(Manifest m) {
        List<Manifest.Entry> same = sameAspect(m);
        List<Manifest.Entry> webp = same.stream().filter(e -> e.mediaType().equals(WEBP)).toList();
        List<Manifest.Entry> fallback = same.stream().filter(e -> !e.mediaType().equals(WEBP)).toList();
        if (fallback.isEmpty()) {
            fallback = webp;
            webp = List.of();
        }
        Manifest.Entry src = defaultSource(fallback);
        Manifest.Entry largest = fallback.getLast();
        StringBuilder html = new StringBuilder("<picture>\n");
        if (!webp.isEmpty()) {
            html.append("  <source type=\"").append(WEBP).append("\" srcset=\"").append(attr(srcset(webp)))
                    .append("\" sizes=\"").append(attr(sizes)).append("\">\n");
        }
        html.append("  <img src=\"").append(attr(url(src))).append('"')
                .append(" srcset=\"").append(attr(srcset(fallback))).append('"')
                .append(" sizes=\"").append(attr(sizes)).append('"')
                .append(" width=\"").append(largest.width()).append("\" height=\"").append(largest.height()).append('"')
                .append(" alt=\"").append(attr(alt)).append('"')
                .append(" loading=\"lazy\" decoding=\"async\"")
                .append(" style=\"").append(attr(background(m))).append("\">\n");
        return html.append("</picture>\n").toString();
    }

    /** Renditions within 2% of the source's displayed aspect ratio, narrowest first; all of them if none is. */
    private static List<Manifest.Entry> sameAspect(Manifest m) {
        double aspect = (double) m.source().width() / m.source().height();
        List<Manifest.Entry> out = new ArrayList<>();
        for (Manifest.Entry e : m.renditions()) {
            if (Math.abs((double) e.width() / e.height() / aspect - 1) <= 0.02) {
                out.add(e);
            }
        }
        if (out.isEmpty()) {
            out.addAll(m.renditions());
        }
        out.sort(Comparator.comparingInt(Manifest.Entry::width));
        return out;
    }

    /** For browsers without srcset: the widest rendition of at most 1024 px, else the narrowest. */
    private static Manifest.Entry defaultSource(List<Manifest.Entry> entries) {
        Manifest.Entry pick = entries.getFirst();
        for (Manifest.Entry e : entries) {
            if (e.width() <= 1024) {
                pick = e;
            }
        }
        return pick;
    }

    private String srcset(List<Manifest.Entry> entries) {
        List<String> parts = new ArrayList<>();
        int lastWidth = -1;
        for (Manifest.Entry e : entries) {
            if (e.width() != lastWidth) {
                parts.add(url(e) + " " + e.width() + "w");
                lastWidth = e.width();
            }
        }
        return String.join(", ", parts);
    }

    private static String background(Manifest m) {
        return "background-color:" + m.dominantColor() + ";background-image:url(" + m.placeholder().dataUri()
                + ");background-size:cover";
    }

    /** The key percent-encoded but for '/', so that spaces and commas cannot break a srcset list. */
    private String url(Manifest.Entry e) {
        StringBuilder out = new StringBuilder(baseUrl);
        for (byte b : e.key().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    /** Escapes text for a double-quoted HTML attribute. */
    static String attr(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
