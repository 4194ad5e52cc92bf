package dev.schemagate.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar's manifest, so it is written in one place: the POM. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"schemagate " + (version == null ? "(development build)" : version)};
    }
}
