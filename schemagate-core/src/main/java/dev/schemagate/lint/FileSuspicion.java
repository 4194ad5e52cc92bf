package dev.schemagate.lint;

import java.nio.file.Path;

/**
 * What a layout rule says about a migration file, before config and annotations are applied.
 *
 * @param rule    the rule
 * @param file    the file
 * @param message what is wrong with it
 */
public record FileSuspicion(Rule rule, Path file, String message) {
}
