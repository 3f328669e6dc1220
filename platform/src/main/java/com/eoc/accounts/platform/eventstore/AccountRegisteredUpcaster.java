package com.eoc.accounts.platform.eventstore;

import com.eoc.accounts.events.AccountRegistered;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a revision-1 {@link AccountRegistered}, stored before accounts had logins, as revision 2
 * with the account's id as its {@code subject}: what owning an account meant when it was written.
 * What is stored is never rewritten.
 */
public final class AccountRegisteredUpcaster extends SingleEventUpcaster {

    private static final SerializedType REVISION_1 = new SimpleSerializedType(AccountRegistered.class.getName(), "1");
    private static final SerializedType REVISION_2 = new SimpleSerializedType(AccountRegistered.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    /** Jackson 3's ObjectNode: Axon's Jackson 3 serializer converts the stored bytes to it. */
    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, ObjectNode.class,
                payload -> payload.put("subject", payload.path("accountId").asString()));
    }
}
