package com.eoc.accounts.events;

import java.util.UUID;

/**
 * Every fact recorded about an account. Sealed so that a {@code switch} over the events of an
 * account is checked by the compiler to cover them all.
 *
 * <p>A stored event is forever: never rename, move or repurpose one of these records. Evolve it
 * with a new {@code @Revision} and an upcaster, or add a new event.
 */
public sealed interface AccountEvent
        permits AccountRegistered, UserRenamed, EmailChanged, AvatarChanged, TokenGenerated, TokenDeleted,
        AvatarRemoved, AccountClosed, AccountReopened, PersonalDataErased {

    UUID accountId();
}
