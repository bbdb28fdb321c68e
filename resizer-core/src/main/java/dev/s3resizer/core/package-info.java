/**
 * The imaging core: bytes of a stored image plus {@link dev.s3resizer.core.Rendition} specs in,
 * encoded renditions plus facts out. It does no I/O of its own and knows nothing of S3, queues
 * or command lines; {@link dev.s3resizer.core.ImageResizer} lists the pipeline's steps in order.
 */
package dev.s3resizer.core;
