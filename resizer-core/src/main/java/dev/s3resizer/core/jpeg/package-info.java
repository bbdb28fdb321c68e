/**
 * A pure-Java JPEG decoder that decodes straight to a DCT scale (1/1, 1/2, 1/4, 1/8), so a large
 * photo for a small rendition never exists at full size, plus the ImageIO fallback for the rare
 * JPEG flavours it does not handle (arithmetic coding, 12-bit, lossless, hierarchical).
 */
package dev.s3resizer.core.jpeg;
