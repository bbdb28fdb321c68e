package dev.s3resizer.core.jpeg;

/**
 * The frame header (SOFn): image size, coding process and the components with their sampling
 * factors. A one-component frame is always coded as single blocks, so its factors are read as 1x1.
 */
final class Frame {

    final int width;
    final int height;
    final boolean progressive;
    final Component[] components;
    final int maxH;
    final int maxV;
    /** MCUs across and down in an interleaved scan. */
    final int mcusX;
    final int mcusY;

    Frame(int width, int height, boolean progressive, Component[] components) {
        this.width = width;
        this.height = height;
        this.progressive = progressive;
        this.components = components;
        int h = 1;
        int v = 1;
        for (Component c : components) {
            h = Math.max(h, c.h);
            v = Math.max(v, c.v);
        }
        this.maxH = h;
        this.maxV = v;
        this.mcusX = ceilDiv(width, 8 * h);
        this.mcusY = ceilDiv(height, 8 * v);
        for (Component c : components) {
            c.blocksWide = mcusX * c.h;
            c.blocksHigh = mcusY * c.v;
            c.usedBlocksWide = ceilDiv(ceilDiv(width * c.h, h), 8);
            c.usedBlocksHigh = ceilDiv(ceilDiv(height * c.v, v), 8);
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** One colour component of the frame. */
    static final class Component {
        final int id;
        final int index;
        final int h;
        final int v;
        final int quantTable;
        /** Blocks across and down, padded to whole MCUs (the layout the decoder stores). */
        int blocksWide;
        int blocksHigh;
        /** Blocks across and down that cover the image (what a non-interleaved scan codes). */
        int usedBlocksWide;
        int usedBlocksHigh;

        Component(int id, int index, int h, int v, int quantTable) {
            this.id = id;
            this.index = index;
            this.h = h;
            this.v = v;
            this.quantTable = quantTable;
        }
    }
}
