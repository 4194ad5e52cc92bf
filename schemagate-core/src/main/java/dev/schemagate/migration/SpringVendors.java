package dev.schemagate.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Spring Boot's {@code {vendor}} in {@code spring.flyway.locations} stands for on a run. Spring
 * Boot puts there the id of the DataSource's database ({@code DatabaseDriver}'s: the JDBC URL's
 * sub-protocol, such as {@code mysql} or {@code mariadb}); a run has no DataSource, so the vendor
 * is the one of the URL the settings give where the run names no dialect or that URL's database is
 * the named dialect's, else the named dialect's, else the first of every dialect's whose folder exists. The migration package cannot see the dialect SPI, so the caller
 * passes the dialects' vendor ids here.
 *
 * @param named the vendor ids of the dialect the run names, in preference order; empty when it names none
 * @param known the vendor ids of every dialect on the class path, the default dialect's first
 */
public record SpringVendors(List<String> named, List<String> known) {

    /** The sub-protocol of a JDBC URL, which Spring Boot's id of the database is. */
    private static final Pattern SUB_PROTOCOL = Pattern.compile("(?i)jdbc:([a-z0-9]+):.*");

    public SpringVendors {
        named = List.copyOf(named);
        known = List.copyOf(known);
    }

    /**
     * The vendor {@code {vendor}} stands for, and where that came from for people: the first
     * candidate whose location {@code exists}, else the first candidate; empty when there is none.
     *
     * @param url    the JDBC URL of the Spring Boot settings ({@code spring.flyway.url}, else
     *               {@code spring.datasource.url}), or null
     * @param exists whether the location with that vendor in it exists
     */
    Optional<Vendor> choose(String url, Predicate<String> exists) {
        List<String> candidates;
        String reason;
        Matcher protocol = url == null ? null : SUB_PROTOCOL.matcher(url.strip());
        String fromUrl = protocol != null && protocol.matches() ? protocol.group(1).toLowerCase(Locale.ROOT) : null;
        if (fromUrl != null && (named.isEmpty() || named.contains(fromUrl))) {
            candidates = List.of(fromUrl);
            reason = "the settings' JDBC URL";
        } else if (!named.isEmpty()) {
            candidates = named;
            reason = "the run's dialect";
        } else {
            candidates = new ArrayList<>(known);
            reason = "the folder that exists";
        }
        return candidates.stream().filter(exists).findFirst().or(() -> candidates.stream().findFirst())
                .map(id -> new Vendor(id, reason));
    }

    /** The id {@code {vendor}} stands for, and why. */
    record Vendor(String id, String reason) {
    }
}
