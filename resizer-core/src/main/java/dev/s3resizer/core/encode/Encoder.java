package dev.s3resizer.core.encode;

import dev.s3resizer.core.Rendition;
import dev.s3resizer.core.pixels.Pixels;

/** Encodes sRGB pixels for one rendition. */
public interface Encoder {

    byte[] encode(Pixels pixels, Rendition rendition);
}
