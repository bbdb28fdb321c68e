/**
 * The queue worker for containers (ECS, Kubernetes): consumes S3 notifications from an SQS queue
 * with long polling and bounded concurrency, keeps messages invisible while their image is still
 * processing, deletes a message only after all its renditions are written, and shuts down
 * gracefully on SIGTERM.
 */
package dev.s3resizer.worker;
