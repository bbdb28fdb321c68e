/**
 * A pure-Java JPEG decoder that decodes straight to any DCT scale M/8 (1/8 to 8/8, truncated
 * IDCTs as in libjpeg), so a large photo for a small rendition never exists at full size, plus the
 * ImageIO fallback for the rare JPEG flavours it does not handle (arithmetic coding, 12-bit,
 * lossless, hierarchical). How it works: {@code docs/jpeg-decoder.md}.
 */
package dev.s3resizer.core.jpeg;
