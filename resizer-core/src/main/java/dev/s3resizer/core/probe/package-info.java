/**
 * Reads an image's header from its bytes, never its name: format by magic number, dimensions,
 * frame count, EXIF orientation and colour hints, without decoding a single pixel.
 */
package dev.s3resizer.core.probe;
