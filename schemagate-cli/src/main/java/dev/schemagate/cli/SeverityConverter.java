package dev.schemagate.cli;

import dev.schemagate.check.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;


/** Reads {@code error}, {@code warning} or {@code info}, and names them when given anything else. */
public final class SeverityConverter implements ITypeConverter<Severity> {

    @Override
    public Severity convert(String value) {
        try {
            return Severity.fromId(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
