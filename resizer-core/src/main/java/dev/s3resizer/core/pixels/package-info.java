/** The in-memory raster every pipeline step reads and writes: 8-bit, interleaved, packed rows. */
package dev.s3resizer.core.pixels;
