package dev.s3resizer.service.config;

import dev.s3resizer.core.ImageFormat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a rendition of a source key is stored. Placeholders: {@code {rendition}}, {@code {key}}
 * (the source key with its extension changed to the output's), {@code {dir}} (the key's folder
 * with a trailing slash, or empty), {@code {stem}} (file name without extension), {@code {name}}
 * (the file name as uploaded, extension included) and {@code {ext}} (the output's extension).
 *
 * <p>{@code new KeyTemplate("{rendition}/{key}").render("thumb", "a/cat.png", ImageFormat.JPEG)}
 * gives {@code thumb/a/cat.jpg}.
 */
public record KeyTemplate(String pattern) {

    public static final String DEFAULT = "{rendition}/{key}";
    static final List<String> PLACEHOLDERS = List.of("rendition", "key", "dir", "stem", "name", "ext");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    /** Problems with the pattern, empty when it is usable. */
    static List<String> problems(String pattern, int renditionCount) {
        var problems = new java.util.ArrayList<String>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        boolean hasKey = false;
        boolean hasDir = false;
        boolean hasStem = false;
        while (m.find()) {
            String name = m.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                problems.add("destination.keyTemplate: unknown placeholder {" + name + "} in '" + pattern
                        + "' (expected " + String.join(", ", PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList()) + ")");
            }
            hasKey |= name.equals("key");
            hasDir |= name.equals("dir");
            hasStem |= name.equals("stem") || name.equals("name");
        }
        if (!hasKey && !(hasDir && hasStem)) {
            problems.add("destination.keyTemplate: '" + pattern + "' must contain {key}, or {dir} and {stem} or {name}, or"
                    + " sources with the same name in different folders would overwrite each other's renditions");
        }
        if (renditionCount > 1 && !pattern.contains("{rendition}")) {
            problems.add("destination.keyTemplate: '" + pattern + "' must contain {rendition} when there are "
                    + renditionCount + " renditions, or they would overwrite each other");
        }
        if (pattern.startsWith("/")) {
            problems.add("destination.keyTemplate: '" + pattern + "' must not start with '/'");
        }
        return problems;
    }

    public String render(String rendition, String sourceKey, ImageFormat format) {
        int slash = sourceKey.lastIndexOf('/');
        String dir = slash >= 0 ? sourceKey.substring(0, slash + 1) : "";
        String name = sourceKey.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = format.extension();
        return pattern.replace("{rendition}", rendition)
                .replace("{key}", dir + stem + "." + ext)
                .replace("{dir}", dir)
                .replace("{stem}", stem)
                .replace("{name}", name)
                .replace("{ext}", ext);
    }

    /**
     * The path segments '.' or '..' of this rendition's keys, the name put in and the source
     * placeholders left as they are: S3 keeps them as text, but a filesystem-backed store, a CDN
     * or a browser resolves them, so such keys alias others or leave their prefix.
     */
    public List<String> dotSegments(String rendition) {
        // {dir} is empty or ends with '/': what follows it starts a segment.
        return java.util.Arrays.stream(pattern.replace("{rendition}", rendition).replace("{dir}", "/").split("/", -1))
                .filter(segment -> segment.equals(".") || segment.equals(".."))
                .toList();
    }

    /** The fixed text every key of this rendition starts with: the pattern up to its first source placeholder. */
    public String fixedPrefix(String rendition) {
        String withName = pattern.replace("{rendition}", rendition);
        int brace = withName.indexOf('{');
        return brace < 0 ? withName : withName.substring(0, brace);
    }
}
