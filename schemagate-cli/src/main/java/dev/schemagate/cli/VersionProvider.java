package dev.schemagate.cli;

import dev.schemagate.report.ToolVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code schemagate --version}: the version the build wrote from the POM, and the Java running it. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"schemagate " + ToolVersion.get(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
