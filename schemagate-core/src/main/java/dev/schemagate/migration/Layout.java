package dev.schemagate.migration;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The naming and marker conventions of the migration tools Schemagate reads. */
public enum Layout {
    /** Decide from the files in the folder. */
    AUTO("auto"),
    /** {@code NNN_name.sql} with {@code NNN_name_rollback.sql} or {@code NNN_name.down.sql}. */
    PLAIN("plain"),
    /** {@code N_name.up.sql} / {@code N_name.down.sql}, with optional dialect and {@code .autocommit.}. */
    GOLANG_MIGRATE("golang-migrate"),
    /** {@code V1.2__x.sql}, {@code U1.2__x.sql}, {@code R__x.sql}. */
    FLYWAY("flyway"),
    /** One file per version with {@code -- migrate:up} and {@code -- migrate:down}. */
    DBMATE("dbmate"),
    /** One file per version with {@code -- +goose Up} and {@code -- +goose Down}. */
    GOOSE("goose"),
    /** Liquibase formatted SQL: {@code --liquibase formatted sql}, {@code --changeset}, {@code --rollback}. */
    LIQUIBASE("liquibase"),
    /** A Liquibase XML, YAML or JSON changelog, read and turned into SQL by Liquibase itself. */
    LIQUIBASE_CHANGELOG("liquibase-changelog"),
    /** A folder per migration holding {@code up.sql} and {@code down.sql}, with a {@code metadata.yaml}. */
    FOLDER("folder"),
    /** Diesel: {@code YYYY-MM-DD-HHMMSS_name/} folders with {@code up.sql}, {@code down.sql}, {@code metadata.toml}. */
    DIESEL("diesel"),
    /** sqlx: {@code <version>_<name>.sql}, or {@code .up.sql} with {@code .down.sql}; {@code -- no-transaction}. */
    SQLX("sqlx"),
    /** A layout described in {@code schemagate.yml}: a file name pattern, or a list of files. */
    CUSTOM("custom");

    private final String id;

    Layout(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Reads a layout from its id (as the CLI and config spell it), case-insensitively. */
    public static Layout fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (Layout layout : values()) {
            if (layout.id.equals(wanted) || layout.name().equalsIgnoreCase(wanted)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("unknown layout '" + id + "'; use one of "
                + Arrays.stream(values()).map(l -> l.id).collect(Collectors.joining(", ")));
    }
}
