package dev.schemagate.model;

/** An object that lives in a schema, so that lookups and ordering treat every kind alike. */
public interface SchemaObject {

    String schema();

    String name();

    default QualifiedName qualifiedName() {
        return new QualifiedName(schema(), name());
    }
}
