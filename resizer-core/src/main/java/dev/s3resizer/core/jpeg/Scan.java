package dev.s3resizer.core.jpeg;

/**
 * A scan header (SOS): which components the scan codes, with which Huffman tables, and for
 * progressive scans the spectral band {@code ss..se} and successive-approximation bits.
 *
 * @param components the scan's components, in scan order
 * @param dc         the DC table of each scan component
 * @param ac         the AC table of each scan component
 * @param dataStart  offset of the entropy-coded data in the file
 */
record Scan(Frame.Component[] components, HuffmanTable[] dc, HuffmanTable[] ac,
            int ss, int se, int ah, int al, int dataStart) {

    boolean interleaved() {
        return components.length > 1;
    }
}
