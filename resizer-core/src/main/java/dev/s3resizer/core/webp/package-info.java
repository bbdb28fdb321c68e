/**
 * WebP through libwebp, the reference codec, as bundled by the webp-imageio binding: whether the
 * native library loads on this platform, and the encoder. The decoder is in the decode package.
 */
package dev.s3resizer.core.webp;
