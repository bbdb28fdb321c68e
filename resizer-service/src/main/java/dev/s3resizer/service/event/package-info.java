/**
 * Turning notification JSON into object events: S3 event notifications as Lambda or SQS deliver
 * them, wrapped by SNS, or as EventBridge "Object Created"/"Object Deleted" events.
 */
package dev.s3resizer.service.event;
