package dev.s3resizer.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One web-sized version of an image to produce: a name, a box, how to fill it and how to encode.
 * Immutable; built and validated by {@link Builder}, which names the bad option and value.
 *
 * <p>{@code Rendition.builder("medium").box(1000, 1000).mode(ResizeMode.FIT).build()}
 * or {@code Rendition.parse("thumb", "320x320,cover,q85")}.
 */
public final class Rendition {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern BOX = Pattern.compile("(\\d+)(?:x(\\d+))?");

    private final String name;
    private final int width;
    private final int height;
    private final ResizeMode mode;
    private final OutputFormat format;
    private final int quality;
    private final int background;
    private final boolean progressive;
    private final boolean upscale;
    private final boolean lossless;
    private final boolean animated;

    private Rendition(Builder b) {
        this.name = b.name;
        this.width = b.width;
        this.height = b.height;
        this.mode = b.mode;
        this.format = b.format;
        this.quality = b.quality;
        this.background = b.background;
        this.progressive = b.progressive;
        this.upscale = b.upscale;
        this.lossless = b.lossless;
        this.animated = b.animated;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Parses a compact spec: a box {@code W} or {@code WxH} followed by comma-separated options,
     * any of {@code fit|cover|width}, {@code auto|jpeg|png|webp}, {@code qN}, {@code progressive},
     * {@code upscale}, {@code lossless} (WebP only), {@code animated}, {@code bg=RRGGBB}. A lone {@code W}
     * means a W x W box.
     */
    public static Rendition parse(String name, String spec) {
        Builder b = builder(name);
        String[] parts = spec.trim().split("\\s*,\\s*");
        var box = BOX.matcher(parts[0]);
        if (!box.matches()) {
            throw new IllegalArgumentException("rendition " + name + ": expected a box like 1000 or 800x600 but got '"
                    + parts[0] + "'");
        }
        int w = side(name, "width", box.group(1));
        b.box(w, box.group(2) == null ? w : side(name, "height", box.group(2)));
        for (int i = 1; i < parts.length; i++) {
            b.option(parts[i]);
        }
        return b.build();
    }

    /** Digits too long for an int are reported like any other out-of-range side. */
    private static int side(String name, String which, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("rendition " + name + " " + which + ": expected 1-16384 but got " + digits);
        }
    }

    public String name() { return name; }
    public int width() { return width; }
    public int height() { return height; }
    public ResizeMode mode() { return mode; }
    public OutputFormat format() { return format; }
    public int quality() { return quality; }
    /** Background for flattening transparency, as 0xRRGGBB. */
    public int background() { return background; }
    public boolean progressive() { return progressive; }
    public boolean upscale() { return upscale; }
    /** WebP only: lossless (VP8L) instead of lossy; quality is then the compression effort. */
    public boolean lossless() { return lossless; }
    /** An animated GIF source stays animated: an animated GIF, every frame resized; otherwise the first frame. */
    public boolean animated() { return animated; }

    /** The same rendition in another format (lossless is dropped unless that is WebP). */
    public Rendition withFormat(OutputFormat other) {
        return builder(name).box(width, height).mode(mode).format(other).quality(quality).background(background)
                .progressive(progressive).upscale(upscale).lossless(lossless && other == OutputFormat.WEBP)
                .animated(animated).build();
    }

    /** The spec in the form {@link #parse} reads; also what the spec hash of a stored rendition covers. */
    public String spec() {
        StringBuilder s = new StringBuilder().append(width).append('x').append(height)
                .append(',').append(mode.label())
                .append(',').append(format.name().toLowerCase(Locale.ROOT))
                .append(",q").append(quality)
                .append(",bg=").append(String.format(Locale.ROOT, "%06x", background));
        if (progressive) {
            s.append(",progressive");
        }
        if (upscale) {
            s.append(",upscale");
        }
        if (lossless) {
            s.append(",lossless");
        }
        if (animated) {
            s.append(",animated");
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rendition r && r.name.equals(name) && r.spec().equals(spec());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, spec());
    }

    @Override
    public String toString() {
        return name + "=" + spec();
    }

    /** Validates each option as it is set. Defaults: fit, 1000x1000, auto format, quality 80, white. */
    public static final class Builder {
        private final String name;
        private int width = 1000;
        private int height = 1000;
        private ResizeMode mode = ResizeMode.FIT;
        private OutputFormat format = OutputFormat.AUTO;
        private int quality = 80;
        private int background = 0xFFFFFF;
        private boolean progressive;
        private boolean upscale;
        private boolean lossless;
        private boolean animated;

        private Builder(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("rendition name: expected letters, digits, '.', '_' or '-'"
                        + " (1-64 chars) but got '" + name + "'");
            }
            this.name = name;
        }

        public Builder box(int width, int height) {
            if (width < 1 || width > 16384) {
                throw new IllegalArgumentException("rendition " + name + " width: expected 1-16384 but got " + width);
            }
            if (height < 1 || height > 16384) {
                throw new IllegalArgumentException("rendition " + name + " height: expected 1-16384 but got " + height);
            }
            this.width = width;
            this.height = height;
            return this;
        }

        public Builder mode(ResizeMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Builder format(OutputFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        public Builder quality(int quality) {
            if (quality < 1 || quality > 100) {
                throw new IllegalArgumentException("rendition " + name + " quality: expected 1-100 but got " + quality);
            }
            this.quality = quality;
            return this;
        }

        /** Background colour as 0xRRGGBB. */
        public Builder background(int rgb) {
            if ((rgb & ~0xFFFFFF) != 0) {
                throw new IllegalArgumentException("rendition " + name + " background: expected 0xRRGGBB but got 0x"
                        + Integer.toHexString(rgb));
            }
            this.background = rgb;
            return this;
        }

        public Builder progressive(boolean progressive) {
            this.progressive = progressive;
            return this;
        }

        public Builder upscale(boolean upscale) {
            this.upscale = upscale;
            return this;
        }

        /** Keep an animated GIF source animated (as a GIF); still sources are unaffected. */
        public Builder animated(boolean animated) {
            this.animated = animated;
            return this;
        }

        /** WebP only, checked by {@link #build}. */
        public Builder lossless(boolean lossless) {
            this.lossless = lossless;
            return this;
        }

        /** Applies one option word of the compact spec, see {@link Rendition#parse}. */
        public Builder option(String word) {
            String w = word.trim().toLowerCase(Locale.ROOT);
            switch (w) {
                case "fit", "cover", "width" -> mode(ResizeMode.parse(w));
                case "auto", "jpeg", "jpg", "png", "webp" -> format(OutputFormat.parse(w));
                case "progressive" -> progressive(true);
                case "upscale" -> upscale(true);
                case "lossless" -> lossless(true);
                case "animated" -> animated(true);
                default -> {
                    if (w.matches("q\\d{1,3}")) {
                        quality(Integer.parseInt(w.substring(1)));
                    } else if (w.matches("bg=#?[0-9a-f]{6}")) {
                        background(Integer.parseInt(w.substring(w.length() - 6), 16));
                    } else {
                        throw new IllegalArgumentException("rendition " + name + ": unknown option '" + word
                                + "' (expected fit|cover|width, auto|jpeg|png|webp, qN, bg=RRGGBB, progressive, upscale,"
                                + " lossless, animated)");
                    }
                }
            }
            return this;
        }

        public Rendition build() {
            if (lossless && format != OutputFormat.WEBP) {
                throw new IllegalArgumentException("rendition " + name + ": lossless applies to webp only, but the"
                        + " format is " + format.name().toLowerCase(Locale.ROOT));
            }
            return new Rendition(this);
        }
    }
}
