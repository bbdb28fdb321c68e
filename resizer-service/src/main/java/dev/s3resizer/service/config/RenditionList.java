package dev.s3resizer.service.config;

import dev.s3resizer.core.Rendition;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code name=spec;name=spec}, the one-line rendition list of environment variables; a
 * spec may name several formats ({@code medium=1000,jpeg+webp}).
 */
public final class RenditionList {

    private RenditionList() {
    }

    public static List<Rendition> parse(String text, String source, List<String> problems) {
        List<Rendition> out = new ArrayList<>();
        for (String item : text.split(";")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                problems.add(source + ": expected name=spec but got '" + item.trim() + "'");
                continue;
            }
            try {
                out.addAll(RenditionFormats.parse(item.substring(0, eq).trim(), item.substring(eq + 1).trim()));
            } catch (IllegalArgumentException e) {
                problems.add(source + ": " + e.getMessage());
            }
        }
        return out;
    }
}
