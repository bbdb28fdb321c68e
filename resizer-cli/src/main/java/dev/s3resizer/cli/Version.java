package dev.s3resizer.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest, or "development" when run from classes. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = ResizerCommand.class.getPackage().getImplementationVersion();
        return new String[] {"resizer " + (v == null ? "development" : v) + " (Java " + Runtime.version() + ")"};
    }
}
