package com.eoc.accounts.query.config;

/**
 * This query-side node, as the token table names the owner of the segments it works on and as
 * the other nodes see it. The name must differ from every other node's on the same database:
 * two nodes of one name would both take a segment's claim for their own.
 *
 * @param name {@code accounts.processors.node-name}, or else the JVM's {@code pid@host}
 *             (Axon's own default owner)
 */
public record QueryNode(String name) {
}
