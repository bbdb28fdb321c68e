/** Structured log lines: one JSON object per handled source object, for Lambda and the worker. */
package dev.s3resizer.service.log;
