/**
 * Geometry planning (fit, cover, width; no upscaling unless asked) and anti-aliased resampling:
 * an integer box pre-reduction for large factors, then a separable Lanczos3 filter with fixed-point
 * weights, on premultiplied alpha.
 */
package dev.s3resizer.core.resample;
