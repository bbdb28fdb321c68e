package dev.s3resizer.lambda;

import dev.s3resizer.service.ObjectFailure;

import java.util.List;
import java.util.stream.Collectors;

/** Fails a Lambda invocation whose event had failed records, so that Lambda retries it. */
public final class RecordsFailedException extends RuntimeException {

    public RecordsFailedException(List<ObjectFailure> failures) {
        super(failures.size() + " record(s) failed: " + failures.stream().map(ObjectFailure::getMessage)
                .collect(Collectors.joining("; ")));
    }
}
