package dev.s3resizer.service.event;

import java.util.Locale;

/**
 * The {@code sequencer} of an S3 event record: a hex string that orders the events of one key.
 * S3's documentation says to compare two of them by left-padding the shorter with zeros and
 * comparing lexicographically; the greater one happened later. Sequencers of different keys
 * say nothing about each other's order.
 *
 * <p>{@code if (Sequencer.of("0055AED6DCD90281E6").isAfter(Sequencer.of("0055AED6DCD90281E5"))) ...}
 */
public record Sequencer(String hex) implements Comparable<Sequencer> {

    public Sequencer {
        if (!isHex(hex)) {
            throw new IllegalArgumentException("sequencer: expected a hex string but got '" + hex + "'");
        }
        hex = hex.toUpperCase(Locale.ROOT);
    }

    /** The sequencer of a record, or null when the record had none (or an empty or malformed one). */
    public static Sequencer of(String hex) {
        return isHex(hex) ? new Sequencer(hex) : null;
    }

    private static boolean isHex(String s) {
        return s != null && !s.isEmpty() && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    @Override
    public int compareTo(Sequencer other) {
        int width = Math.max(hex.length(), other.hex.length());
        return padded(width).compareTo(other.padded(width));
    }

    /** True when this event happened after the other one (of the same key). */
    public boolean isAfter(Sequencer other) {
        return compareTo(other) > 0;
    }

    private String padded(int width) {
        return "0".repeat(width - hex.length()) + hex;
    }

    @Override
    public String toString() {
        return hex;
    }
}
