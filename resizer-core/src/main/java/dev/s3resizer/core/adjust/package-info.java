/** Lossless pixel adjustments after resampling: EXIF orientation and flattening transparency. */
package dev.s3resizer.core.adjust;
