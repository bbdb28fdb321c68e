package dev.s3resizer.local;

import java.io.InputStream;
import java.time.Instant;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * An S3Proxy store decorator that emits an S3 event notification after each successful put,
 * multipart completion, copy and delete, like an S3 bucket notification does. Failed operations
 * emit nothing; S3Proxy's internal objects (multipart stubs) are not reported. Multi-object
 * deletes go through {@link #removeBlob(DeleteObjectRequest)} and so emit one event per key.
 *
 * <p>Example: {@code new NotifyingBlobStore(new FilesystemNio2BlobStore(dir), "us-east-1", listener)}
 */
public final class NotifyingBlobStore extends ForwardingBlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingBlobStore.class);
    /** Key prefix S3Proxy uses for the stub object it keeps while a multipart upload is open. */
    private static final String MULTIPART_STUB_PREFIX = ".s3proxy-mpu-stub-";

    private final EventDelivery delivery;

    /**
     * Wraps {@code delegate}; events carry {@code region} and go to {@code listener} on a
     * background thread.
     */
    public NotifyingBlobStore(BlobStore delegate, String region, ObjectEventListener listener) {
        super(delegate);
        this.delivery = new EventDelivery(listener, region);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        PutObjectResponse response = super.putBlob(request, input);
        created(ObjectEvent.OBJECT_CREATED_PUT, request.bucket(), request.key(), response.eTag(),
                response.versionId(), request.contentLength());
        return response;
    }

    @Override
    public CompleteMultipartUploadResponse completeMultipartUpload(
            MultipartUpload upload, CompleteMultipartUploadRequest request) {
        CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
        created(ObjectEvent.OBJECT_CREATED_COMPLETE_MULTIPART_UPLOAD, upload.containerName(),
                upload.blobName(), response.eTag(), response.versionId(), null);
        return response;
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        CopyObjectResponse response = super.copyBlob(request);
        String eTag = response.copyObjectResult() == null ? null : response.copyObjectResult().eTag();
        created(ObjectEvent.OBJECT_CREATED_COPY, request.destinationBucket(), request.destinationKey(),
                eTag, response.versionId(), null);
        return response;
    }

    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        DeleteObjectResponse response = super.removeBlob(request);
        if (!isInternal(request.key())) {
            delivery.submit(new ObjectEvent(ObjectEvent.OBJECT_REMOVED_DELETE, request.bucket(), request.key(),
                    null, null, response.versionId(), Instant.now()));
        }
        return response;
    }

    /** Stops event delivery (waiting for queued events), then closes the wrapped store. */
    @Override
    public void close() {
        delivery.close();
        super.close();
    }

    private void created(String eventName, String bucket, String key, String eTag, String versionId,
            Long requestLength) {
        if (isInternal(key)) {
            return;
        }
        Instant now = Instant.now();
        String plainETag = unquote(eTag);
        Long size = storedSize(bucket, key, plainETag, requestLength);
        delivery.submit(new ObjectEvent(eventName, bucket, key, size, plainETag, versionId, now));
    }

    /**
     * The size of the version just written: read back from the store (a local stat), unless a
     * concurrent write already replaced it, in which case the request's length is the best guess.
     */
    private Long storedSize(String bucket, String key, String eTag, Long requestLength) {
        try {
            HeadObjectResponse head = delegate().blobMetadata(HeadObjectRequest.builder()
                    .bucket(bucket).key(key).build());
            if (eTag == null || eTag.equals(unquote(head.eTag()))) {
                return head.contentLength();
            }
        } catch (RuntimeException e) {
            LOG.debug("Cannot read back s3://{}/{} for its event size", bucket, LogText.escape(key), e);
        }
        return requestLength;
    }

    private static boolean isInternal(String key) {
        return key == null || key.startsWith(MULTIPART_STUB_PREFIX);
    }

    private static String unquote(String eTag) {
        if (eTag != null && eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")) {
            return eTag.substring(1, eTag.length() - 1);
        }
        return eTag;
    }
}
