package dev.schemagate.model;

/** What a table logs to identify changed rows for logical replication. */
public enum ReplicaIdentity { DEFAULT, NOTHING, FULL, INDEX }
