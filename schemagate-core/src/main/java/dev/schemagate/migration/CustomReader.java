package dev.schemagate.migration;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads the layout a project describes in {@code schemagate.yml} ({@link CustomLayout}): by its
 * pattern's named groups, or by its ordered list of files, whose position is their version.
 * Files the layout does not name are left alone, as the project's runner leaves them.
 */
final class CustomReader implements LayoutReader {

    private static final Set<String> DOWN = Set.of("down", "rollback", "revert", "undo");

    private final CustomLayout layout;
    private final DialectNames dialect;

    CustomReader(CustomLayout layout, DialectNames dialect) {
        this.layout = layout;
        this.dialect = dialect;
    }

    @Override
    public Layout layout() {
        return Layout.CUSTOM;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        return layout.pattern() != null ? layout.pattern().matcher(file.relative()).matches()
                : layout.files().stream().anyMatch(entry -> glob(entry).matches(Paths.get(file.relative())));
    }

    @Override
    public boolean claims(List<SourceFile> files) {
        return false;
    }

    @Override
    public Optional<String> ignores(SourceFile file) {
        return Optional.of(layout.pattern() != null ? "it does not match layout.pattern" : "layout.files does not list it");
    }

    @Override
    public Comparator<Version> order() {
        return layout.textOrder() ? Comparator.comparing(Version::text) : Comparator.naturalOrder();
    }

    @Override
    public String expected() {
        return layout.pattern() != null ? "a path matching " + layout.pattern() : "a file listed in layout.files";
    }

    @Override
    public List<Migration> read(List<SourceFile> files) {
        return layout.pattern() != null ? byPattern(files) : byList(files);
    }

    private List<Migration> byPattern(List<SourceFile> files) {
        VersionPairs pairs = new VersionPairs();
        for (SourceFile file : files) {
            Matcher name = LayoutReader.matched(layout.pattern(), file.relative());
            String fileDialect = group(name, "dialect");
            if (fileDialect != null && !fileDialect.isEmpty() && dialect.isOther(fileDialect)) {
                continue;
            }
            String version = group(name, "version");
            if (!Version.isVersion(version)) {
                throw new InputException(file.path() + ": layout.pattern reads its version as '" + version
                        + "', which is not digits separated by '.' or '_'; fix the pattern's version group");
            }
            String description = group(name, "description");
            VersionPairs.Side side = new VersionPairs.Side(file, description == null ? "" : description, layout.transaction());
            pairs.add(Version.parse(version), side, DOWN.contains(String.valueOf(group(name, "direction")).toLowerCase(Locale.ROOT)));
        }
        return pairs.migrations();
    }

    /** Every listed file in list order, each entry's glob matches in name order; its position is its version. */
    private List<Migration> byList(List<SourceFile> files) {
        Map<SourceFile, Boolean> ordered = new LinkedHashMap<>();
        for (String entry : layout.files()) {
            PathMatcher matcher = glob(entry);
            files.stream().filter(f -> matcher.matches(Paths.get(f.relative()))).forEach(f -> ordered.putIfAbsent(f, true));
        }
        List<Migration> migrations = new ArrayList<>();
        for (SourceFile file : ordered.keySet()) {
            String description = file.relative().replaceFirst("\\.sql$", "");
            migrations.add(new Migration(Version.parse(String.valueOf(migrations.size() + 1)), description,
                    file.wholeScript(layout.transaction()), Optional.empty()));
        }
        return migrations;
    }

    private static PathMatcher glob(String entry) {
        return FileSystems.getDefault().getPathMatcher("glob:" + entry);
    }

    private static String group(Matcher matcher, String name) {
        return matcher.pattern().pattern().contains("(?<" + name + ">") ? matcher.group(name) : null;
    }
}
