package com.eoc.accounts.query.config;

import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;

/**
 * Where this side's event processors keep their positions: its own table ({@code db/query/V1}).
 * The event tables are the shared ones of {@code PostgresEventStore}.
 */
final class TokenSchemas {

    static final TokenSchema TOKENS = TokenSchema.builder()
            .setTokenTable("query_side.token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    private TokenSchemas() {
    }
}
