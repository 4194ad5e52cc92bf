package dev.schemagate.postgres.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipFile;

/** An entry's stream that closes its zip file with it. */
final class ZipClosingStream extends FilterInputStream {

    private final ZipFile zip;

    ZipClosingStream(ZipFile zip, InputStream entry) {
        super(entry);
        this.zip = zip;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            zip.close();
        }
    }
}
