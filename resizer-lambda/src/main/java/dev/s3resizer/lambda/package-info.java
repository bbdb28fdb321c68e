/**
 * Thin AWS Lambda adapters: they turn an invocation into {@link dev.s3resizer.service.ProcessService}
 * calls, report failures per record and build their clients once per container.
 */
package dev.s3resizer.lambda;
