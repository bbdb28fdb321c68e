/**
 * Encoding pixels to JPEG or PNG with no metadata at all: no EXIF, GPS, XMP, ICC or comments.
 * Outputs are sRGB, which browsers assume for untagged images.
 */
package dev.s3resizer.core.encode;
