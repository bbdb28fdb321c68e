/**
 * Geometry planning (fit, cover, width; no upscaling unless asked) and anti-aliased resampling:
 * an integer box pre-reduction for large factors (also fused with the PNG and TIFF decoders, row
 * by row, as {@link dev.s3resizer.core.resample.BoxRows}), then a separable Lanczos3 filter with
 * fixed-point weights, on premultiplied alpha.
 */
package dev.s3resizer.core.resample;
