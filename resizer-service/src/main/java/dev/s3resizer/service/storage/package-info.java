/** The storage port (head, get, put, delete, list) and its AWS SDK v2 S3 implementation. */
package dev.s3resizer.service.storage;
