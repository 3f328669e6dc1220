package com.eoc.accounts.query.account;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Look-ups of account views that Spring Data's derived queries do not make well. */
interface AccountViewLookups {

    /**
     * The rows of these accounts that exist, in one statement whatever their number: Hibernate's
     * multi-load sends the ids as one PostgreSQL array, so every batch of events shares one
     * prepared statement. {@code findAllById} would build an IN list, and a query to interpret,
     * for each number of ids; a native query maps its result anew at each call.
     */
    List<AccountView> findAllOf(Collection<UUID> accountIds);
}
