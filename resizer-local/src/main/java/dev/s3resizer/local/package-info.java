/**
 * Local mode: an embedded S3-compatible endpoint (S3Proxy on a filesystem directory) whose store
 * emits real S3 event notification records on every write and delete, so the same processing
 * code that Lambda runs can run on a laptop with unmodified S3 clients.
 */
package dev.s3resizer.local;
