package com.eoc.accounts.command.erasure;

import com.eoc.accounts.events.PersonalDataErased;
import com.eoc.accounts.platform.personaldata.DataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Deletes an account's data key in the transaction of its erasure (a lookup, see
 * {@code CommandSideAxonConfig}): the erasure and the loss of every personal field it encrypted
 * commit together, or not at all.
 */
@Component
@ProcessingGroup(DataKeyErasure.PROCESSING_GROUP)
public class DataKeyErasure {

    public static final String PROCESSING_GROUP = "data-key-erasure";

    private final DataKeys keys;

    DataKeyErasure(DataKeys keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(PersonalDataErased event) {
        keys.erase(event.accountId());
    }
}
