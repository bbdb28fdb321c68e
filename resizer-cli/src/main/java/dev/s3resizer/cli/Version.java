package dev.s3resizer.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Reports the project version and, when built from a git checkout, the commit (with "-dirty" when
 * the tree had changes), as the build wrote them into {@code resizer-version.properties}.
 */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"resizer " + describe() + " (Java " + Runtime.version() + ")"};
    }

    static String describe() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/resizer-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("version", "unknown");
        String commit = p.getProperty("git.commit.id.abbrev", "");
        boolean dirty = Boolean.parseBoolean(p.getProperty("git.dirty", "false"));
        return commit.isEmpty() || commit.startsWith("${") ? version : version + " (commit " + commit + (dirty ? "-dirty" : "") + ")";
    }
}
