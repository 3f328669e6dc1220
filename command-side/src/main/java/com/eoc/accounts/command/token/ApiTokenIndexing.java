package com.eoc.accounts.command.token;

import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.platform.security.ApiTokenIndex;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link ApiTokenIndex} that authenticates API tokens in the same transaction as the
 * token's events (a subscribing processor that fails its command, see
 * {@code CommandSideAxonConfig}): once a DELETE has answered 204, no request can use the token any
 * more, on either side.
 */
@Component
@ProcessingGroup(ApiTokenIndexing.PROCESSING_GROUP)
public class ApiTokenIndexing {

    public static final String PROCESSING_GROUP = "api-token-index";

    private final ApiTokenIndex index;

    ApiTokenIndexing(ApiTokenIndex index) {
        this.index = index;
    }

    @EventHandler
    void on(TokenGenerated event) {
        index.index(event.accountId(), event.tokenId(), event.tokenHash(), event.hint(), event.createdAt(),
                event.expiresAt());
    }

    @EventHandler
    void on(TokenDeleted event) {
        index.remove(event.accountId());
    }
}
