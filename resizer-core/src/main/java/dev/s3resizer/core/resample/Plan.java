package dev.s3resizer.core.resample;

/**
 * Where to read in the source and what size to write: the source window (which may be fractional,
 * for a centred crop) maps onto the whole {@code outWidth x outHeight} output.
 */
public record Plan(double cropX, double cropY, double cropWidth, double cropHeight, int outWidth, int outHeight) {

    /** The same plan with the x and y axes swapped, for images stored transposed (EXIF 5-8). */
    public Plan transpose() {
        return new Plan(cropY, cropX, cropHeight, cropWidth, outHeight, outWidth);
    }

    /** The same plan for a source that was decoded at {@code factor} of the size the plan was made for. */
    public Plan scaleSource(double factorX, double factorY) {
        return new Plan(cropX * factorX, cropY * factorY, cropWidth * factorX, cropHeight * factorY,
                outWidth, outHeight);
    }

    /** The same window onto an output of {@code width x height}. */
    public Plan withOutput(int width, int height) {
        return new Plan(cropX, cropY, cropWidth, cropHeight, width, height);
    }

    /** True when the window is the whole source of {@code width x height} (no crop). */
    public boolean wholeFrame(int width, int height) {
        return cropX == 0 && cropY == 0 && cropWidth == width && cropHeight == height;
    }

    /** True when the output is the source unchanged. */
    public boolean identity(int sourceWidth, int sourceHeight) {
        return cropX == 0 && cropY == 0 && outWidth == sourceWidth && outHeight == sourceHeight
                && cropWidth == sourceWidth && cropHeight == sourceHeight;
    }
}
