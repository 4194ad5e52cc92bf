package dev.schemagate.cli;

import dev.schemagate.check.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;


/** Reads {@code error}, {@code warning} or {@code info}, and names them when given anything else. */
public final class SeverityConverter implements ITypeConverter<Severity> {

    @Override
    public Severity convert(String value) {
        for (Severity severity : Severity.values()) {
            if (severity.name().equalsIgnoreCase(value.strip())) {
                return severity;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a severity; use error, warning or info");
    }
}
