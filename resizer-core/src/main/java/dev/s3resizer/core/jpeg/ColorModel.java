package dev.s3resizer.core.jpeg;

/**
 * How a JPEG's components map to colours, decided the way libjpeg does: an Adobe APP14 segment's
 * transform flag wins; otherwise one component is gray, three are YCbCr unless their ids spell
 * R, G, B, and four are (Adobe-style, inverted) CMYK.
 */
enum ColorModel {
    GRAY(1), YCBCR(3), RGB(3), CMYK(4), YCCK(4);

    final int components;

    ColorModel(int components) {
        this.components = components;
    }

    static ColorModel of(Frame frame, int adobeTransform) {
        Frame.Component[] c = frame.components;
        return switch (c.length) {
            case 1 -> GRAY;
            case 3 -> {
                if (adobeTransform == 0 || (adobeTransform < 0 && c[0].id == 'R' && c[1].id == 'G' && c[2].id == 'B')) {
                    yield RGB;
                }
                yield YCBCR;
            }
            case 4 -> adobeTransform == 2 ? YCCK : CMYK;
            default -> throw new UnsupportedJpegException(c.length + "-component images are not decoded here");
        };
    }
}
