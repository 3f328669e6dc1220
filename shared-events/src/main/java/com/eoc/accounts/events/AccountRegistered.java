package com.eoc.accounts.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * An account was opened for the person that the identity provider knows as {@code subject} (its
 * {@code sub}); an account registered without one has its own id as subject.
 *
 * <p>Revision 2 added {@code subject}: revision-1 payloads are read as revision 2 with the
 * account id as subject, which is what ownership meant when they were written.
 */
@Revision("2")
public record AccountRegistered(UUID accountId, @PersonalData String firstName, @PersonalData String lastName,
                                @PersonalData String email, String subject)
        implements AccountEvent {

    /** An account whose login is its own id, as every account registered without a subject. */
    public AccountRegistered(UUID accountId, String firstName, String lastName, String email) {
        this(accountId, firstName, lastName, email, accountId.toString());
    }
}
