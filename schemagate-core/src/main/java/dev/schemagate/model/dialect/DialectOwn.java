package dev.schemagate.model.dialect;

/**
 * A record that holds what only one dialect says about an object (or, at the top of a snapshot, the
 * kinds of object only that dialect has), kept in fields of their own rather than a bag of
 * attributes. It is where the values live, not a level of the schema: a comparison names its fields
 * as if they were the object's own ({@code table public.orders › unlogged}).
 */
public interface DialectOwn {
}
