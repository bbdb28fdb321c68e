package dev.s3resizer.local;

import java.io.InputStream;
import java.util.Optional;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.S3Exceptions;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An S3Proxy store decorator that answers as S3 does for keys the filesystem store cannot hold
 * faithfully ({@link FaithfulKeys}), instead of a 500 or a write under another key's name: a key
 * over 1024 bytes is {@code 400 KeyTooLongError} for every operation; any other such key is
 * {@code 400 InvalidArgument} when written (put, copy target, multipart upload) and, since no
 * object can have it, {@code 404 NoSuchKey} when read and a no-op when deleted.
 *
 * <p>Example: {@code new KeyCheckingBlobStore(new FilesystemNio2BlobStore(dir))}
 */
final class KeyCheckingBlobStore extends ForwardingBlobStore {

    private static final Logger LOG = LoggerFactory.getLogger(KeyCheckingBlobStore.class);

    KeyCheckingBlobStore(BlobStore delegate) {
        super(delegate);
    }

    @Override
    public PutObjectResponse putBlob(PutObjectRequest request, InputStream input) {
        writable(request.bucket(), request.key());
        return super.putBlob(request, input);
    }

    @Override
    public CopyObjectResponse copyBlob(CopyObjectRequest request) {
        readable(request.sourceBucket(), request.sourceKey());
        writable(request.destinationBucket(), request.destinationKey());
        return super.copyBlob(request);
    }

    @Override
    public MultipartUpload initiateMultipartUpload(CreateMultipartUploadRequest request) {
        writable(request.bucket(), request.key());
        return super.initiateMultipartUpload(request);
    }

    @Override
    public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
        readable(request.bucket(), request.key());
        return super.blobMetadata(request);
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
        readable(request.bucket(), request.key());
        return super.getBlob(request);
    }

    @Override
    public boolean blobExists(String bucket, String key) {
        return !FaithfulKeys.tooLong(key) && FaithfulKeys.problem(key).isEmpty() && super.blobExists(bucket, key);
    }

    /** Deleting a key no object can have deletes nothing, as S3 answers for a missing key. */
    @Override
    public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
        tooLong(request.key());
        if (FaithfulKeys.problem(request.key()).isPresent()) {
            return DeleteObjectResponse.builder().build();
        }
        return super.removeBlob(request);
    }

    private static void writable(String bucket, String key) {
        tooLong(key);
        Optional<String> problem = FaithfulKeys.problem(key);
        if (problem.isPresent()) {
            LOG.info("Refused s3://{}/{}: {}", bucket, LogText.escape(key), problem.get());
            throw S3Exceptions.invalidArgument("The key '" + LogText.escape(key) + "' cannot be stored by"
                    + " this local server: " + problem.get());
        }
    }

    private static void readable(String bucket, String key) {
        tooLong(key);
        if (FaithfulKeys.problem(key).isPresent()) {
            throw S3Exceptions.noSuchKey(bucket, key, null);
        }
    }

    private static void tooLong(String key) {
        if (FaithfulKeys.tooLong(key)) {
            throw S3Exception.builder().statusCode(400).message("Your key is too long")
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("KeyTooLongError")
                            .errorMessage("Your key is too long")
                            .sdkHttpResponse(SdkHttpResponse.builder().statusCode(400).build()).build())
                    .build();
        }
    }
}
