/**
 * Durable failure records: a small JSON object per failed source under the destination's
 * {@code failed/} prefix, that users can list and replay, removed when the source later succeeds.
 */
package dev.s3resizer.service.failure;
