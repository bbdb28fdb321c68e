/**
 * A fast pure-Java baseline JPEG encoder: JFIF YCbCr 4:2:0 (or gray), AAN forward DCT,
 * libjpeg-compatible quality scaling and optimised Huffman tables, with no metadata segments.
 */
package dev.s3resizer.core.jpeg.encode;
