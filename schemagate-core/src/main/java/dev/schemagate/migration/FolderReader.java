package dev.schemagate.migration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder-per-migration layout of runners other than diesel (which has {@link DieselReader}):
 * {@code <version>[_<name>]/up.sql} with an optional {@code down.sql}. Sourcegraph writes a bare
 * version ({@code 1528395834/}) and puts the name in {@code metadata.yaml}, whose
 * {@code createIndexConcurrently: true} takes the migration out of a transaction (as does a
 * {@code metadata.toml} with {@code run_in_transaction = false}). Detection prefers diesel where
 * both fit, so this layout is chosen when a {@code metadata.yaml} is there, or by name.
 */
final class FolderReader implements LayoutReader {

    private static final Pattern FOLDER = Pattern.compile("(\\d[\\d-]*)(?:_(.*))?");
    private static final Set<String> FILES = Set.of("up.sql", "down.sql", "metadata.yaml", "metadata.toml");
    private static final Pattern SETTING = Pattern.compile("\\s*(\\w+)\\s*[:=]\\s*(.*?)\\s*");

    @Override
    public Layout layout() {
        return Layout.FOLDER;
    }

    @Override
    public boolean recognizes(SourceFile file) {
        return file.depth() == 2 && FOLDER.matcher(file.folder()).matches() && FILES.contains(file.name());
    }

    @Override
    public String expected() {
        return "<version>_<name>/up.sql and down.sql, with an optional metadata.yaml or metadata.toml";
    }

    @Override
    public List<Migration> read(List<SourceFile> files) {
        return byFolder(files, FolderReader::migration);
    }

    /** One migration a folder, made by {@code migration} from the folder's name and its files by name. */
    static List<Migration> byFolder(List<SourceFile> files, BiFunction<String, Map<String, SourceFile>, Migration> migration) {
        Map<String, Map<String, SourceFile>> folders = new TreeMap<>();
        for (SourceFile file : files) {
            folders.computeIfAbsent(file.folder(), f -> new HashMap<>()).put(file.name(), file);
        }
        List<Migration> migrations = new ArrayList<>();
        folders.forEach((folder, named) -> migrations.add(migration.apply(folder, named)));
        return migrations;
    }

    private static Migration migration(String folder, Map<String, SourceFile> files) {
        SourceFile up = files.get("up.sql");
        if (up == null) {
            SourceFile other = files.values().iterator().next();
            throw new InputException(other.path().getParent() + ": has no up.sql; add it or remove the folder");
        }
        Map<String, String> settings = new HashMap<>();
        settings(files.get("metadata.yaml"), settings);
        settings(files.get("metadata.toml"), settings);
        boolean outside = "true".equalsIgnoreCase(settings.get("createIndexConcurrently"))
                || "false".equalsIgnoreCase(settings.get("run_in_transaction"));
        Transaction transactional = outside ? new Transaction(Transaction.Mode.ONE_QUERY, "the migration tool", "")
                : Transaction.wrapped("the migration tool", "set createIndexConcurrently: true in its metadata.yaml");
        Matcher name = LayoutReader.matched(FOLDER, folder);
        Version version = Version.parse(name.group(1).replace("-", ""));
        String description = name.group(2) != null ? name.group(2) : settings.getOrDefault("name", "");
        Optional<Script> down = Optional.ofNullable(files.get("down.sql")).map(f -> f.wholeScript(transactional));
        return new Migration(version, description, up.wholeScript(transactional), down);
    }

    /** Reads the top-level {@code key: value} (YAML) or {@code key = value} (TOML) lines of a metadata file. */
    private static void settings(SourceFile metadata, Map<String, String> settings) {
        if (metadata == null) {
            return;
        }
        TextLines lines = new TextLines(metadata.text());
        for (int i = 0; i < lines.count(); i++) {
            Matcher setting = SETTING.matcher(lines.line(i));
            if (setting.matches()) {
                settings.put(setting.group(1), setting.group(2).replaceAll("^['\"]|['\"]$", ""));
            }
        }
    }
}
