package dev.s3resizer.core.decode;

import dev.s3resizer.core.TimeBudget;

import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;

/**
 * Aborts an ImageIO read once the image's {@link TimeBudget} is spent. Readers report progress
 * between rows, strips or tiles; an aborted read returns early, and the decoder's
 * {@link TimeBudget#check()} after it throws.
 */
final class BudgetWatch implements IIOReadProgressListener {

    @Override
    public void imageProgress(ImageReader source, float percentageDone) {
        if (TimeBudget.spent()) {
            source.abort();
        }
    }

    @Override
    public void imageStarted(ImageReader source, int imageIndex) {
    }

    @Override
    public void imageComplete(ImageReader source) {
    }

    @Override
    public void readAborted(ImageReader source) {
    }

    @Override
    public void sequenceStarted(ImageReader source, int minIndex) {
    }

    @Override
    public void sequenceComplete(ImageReader source) {
    }

    @Override
    public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
    }

    @Override
    public void thumbnailProgress(ImageReader source, float percentageDone) {
    }

    @Override
    public void thumbnailComplete(ImageReader source) {
    }
}
