package dev.schemagate.profile;

/**
 * A migration or statement that became slower than its baseline at one table size, by more than
 * the threshold, the noise and the floor.
 *
 * @param file     the migration's up script, relative to the migrations folder
 * @param line     the statement's line, or 0 for the whole migration
 * @param rows     the table size
 * @param baseline the baseline's median, in milliseconds
 * @param median   this run's median, in milliseconds
 * @param noise    the larger spread of the two, in milliseconds
 */
public record Regression(String version, String file, int line, String what, int rows, double baseline, double median,
                         double noise) {

    /** How much slower, as a percentage of the baseline. */
    public double percent() {
        return baseline <= 0 ? Double.POSITIVE_INFINITY : (median - baseline) / baseline * 100;
    }

    public String location() {
        return line > 0 ? file + ":" + line : file;
    }
}
