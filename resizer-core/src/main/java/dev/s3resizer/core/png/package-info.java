/**
 * A pure-Java PNG decoder for the common files (interlaced or not, 8- and 16-bit gray, RGB, RGBA,
 * gray+alpha, palette, tRNS) that inflates straight into {@link dev.s3resizer.core.pixels.Pixels},
 * with the same channel layout ImageIO gives, plus the ImageIO fallback for the rest (gray
 * below 8 bits).
 */
package dev.s3resizer.core.png;
