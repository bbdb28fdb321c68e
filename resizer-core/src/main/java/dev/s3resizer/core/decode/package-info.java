/**
 * Decoding stored bytes into {@link dev.s3resizer.core.pixels.Pixels}, with the colour space they
 * are in. Decoders may shrink on load: they return at least the size the renditions need.
 */
package dev.s3resizer.core.decode;
