package dev.s3resizer.core;

import java.awt.color.CMMException;
import java.awt.color.ProfileDataException;

/**
 * The pipeline's boundary: whatever a decoder, a library or the pipeline itself throws leaves
 * {@link ImageResizer} as a {@link ResizerException} with a reason, naming the image, with the
 * original as its cause. The resizer's own exceptions pass as they are; the JVM's own failures
 * that leave it unusable ({@link VirtualMachineError}s other than one allocation too large or one
 * recursion too deep) are rethrown.
 */
final class RenderFailures {

    private static final System.Logger LOG = System.getLogger(RenderFailures.class.getName());

    private RenderFailures() {
    }

    /**
     * @param image what was rendered, e.g. "JPEG 4000x3000", or "this file" before the probe
     */
    static ResizerException translate(Throwable thrown, String image) {
        return switch (thrown) {
            case ResizerException ours -> ours;
            case OutOfMemoryError e -> new ImageTooLargeException(image + ": needs more memory than the heap has free ("
                    + e.getMessage() + "); refused", e);
            case StackOverflowError e -> new CorruptImageException(image + ": its structure nests too deeply to "
                    + "decode (stack overflow)", e);
            case VirtualMachineError e -> throw e;
            case CMMException e -> new CorruptImageException(image + ": its colour profile cannot be used ("
                    + e.getMessage() + ")", e);
            case ProfileDataException e -> new CorruptImageException(image + ": its colour profile cannot be used ("
                    + e.getMessage() + ")", e);
            default -> internal(thrown, image);
        };
    }

    private static InternalErrorException internal(Throwable thrown, String image) {
        String message = image + ": unexpected " + thrown.getClass().getName()
                + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage())
                + " in the resizer; this is a bug, please report it with the file";
        LOG.log(System.Logger.Level.ERROR, message, thrown);
        return new InternalErrorException(message, thrown);
    }
}
