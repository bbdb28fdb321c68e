package dev.s3resizer.service.storage;

import dev.s3resizer.core.ImageTooLargeException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link ObjectStore} on the AWS SDK for Java v2. Works against AWS and S3-compatible servers
 * (see {@link S3Clients} for endpoint override and path-style access).
 *
 * <p>{@code ObjectStore store = new S3ObjectStore(S3Clients.create(endpoint, region));}
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final int pageSize;

    public S3ObjectStore(S3Client s3) {
        this(s3, 1000);
    }

    /** @param pageSize keys per listing page (S3's maximum and default is 1000) */
    public S3ObjectStore(S3Client s3, int pageSize) {
        this.s3 = s3;
        this.pageSize = pageSize;
    }

    @Override
    public Optional<StoredObject> head(ObjectRef ref) {
        return call("head", ref, () -> {
            try {
                HeadObjectResponse r = s3.headObject(b -> b.bucket(ref.bucket()).key(ref.key()).versionId(ref.versionId()));
                return Optional.of(new StoredObject(new ObjectRef(ref.bucket(), ref.key(), r.versionId(), r.eTag(),
                        r.contentLength()), r.contentType(), r.metadata()));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public InputStream get(ObjectRef ref) {
        return call("get", ref, () -> s3.getObject(b -> b.bucket(ref.bucket()).key(ref.key()).versionId(ref.versionId())));
    }

    /** Reads the length from the GET response's headers and aborts the connection when it is over the bound. */
    @Override
    public InputStream get(ObjectRef ref, long maxBytes) {
        ResponseInputStream<GetObjectResponse> in = call("get", ref, () -> s3.getObject(b -> b.bucket(ref.bucket())
                .key(ref.key()).versionId(ref.versionId())));
        Long length = in.response().contentLength();
        if (length != null && length > maxBytes) {
            in.abort();
            throw new ImageTooLargeException("input is " + length + " bytes, over the limit of " + maxBytes
                    + " bytes; refused before reading it");
        }
        return in;
    }

    @Override
    public void put(ObjectRef target, byte[] body, PutOptions options) {
        call("put", target, () -> s3.putObject(b -> b.bucket(target.bucket()).key(target.key())
                .contentType(options.contentType())
                .cacheControl(options.cacheControl())
                .metadata(options.metadata()), RequestBody.fromBytes(body)));
    }

    @Override
    public void delete(ObjectRef ref) {
        call("delete", ref, () -> s3.deleteObject(b -> b.bucket(ref.bucket()).key(ref.key())));
    }

    @Override
    public Stream<StoredObject> list(String bucket, String prefix) {
        return call("list", ObjectRef.of(bucket, prefix.isEmpty() ? "/" : prefix), () ->
                s3.listObjectsV2Paginator(b -> b.bucket(bucket).maxKeys(pageSize).prefix(prefix.isEmpty() ? null : prefix))
                        .contents().stream()
                        .map(o -> new StoredObject(new ObjectRef(bucket, o.key(), null, o.eTag(), o.size()), null,
                                java.util.Map.of())));
    }

    private static <T> T call(String operation, ObjectRef ref, Supplier<T> action) {
        try {
            return action.get();
        } catch (S3Exception e) {
            int status = e.statusCode();
            boolean retryable = status >= 500 || status == 429 || status == 408;
            throw new StorageException("S3 " + operation + " of " + ref + " failed: HTTP " + status + " "
                    + e.awsErrorDetails().errorCode() + (retryable ? "" : " (check the bucket, key and permissions)"),
                    retryable, e);
        } catch (SdkClientException e) {
            throw new StorageException("S3 " + operation + " of " + ref + " failed: " + e.getMessage(), true, e);
        } catch (SdkException e) {
            throw new StorageException("S3 " + operation + " of " + ref + " failed: " + e.getMessage(), e.retryable(), e);
        }
    }
}
