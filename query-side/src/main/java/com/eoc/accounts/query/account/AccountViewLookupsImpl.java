package com.eoc.accounts.query.account;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.Session;

/** Spring Data adds this to {@link AccountViewRepository} (its name ends in {@code Impl}). */
class AccountViewLookupsImpl implements AccountViewLookups {

    private final EntityManager entityManager;

    AccountViewLookupsImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<AccountView> findAllOf(Collection<UUID> accountIds) {
        return entityManager.unwrap(Session.class).findMultiple(AccountView.class, List.copyOf(accountIds)).stream()
                .filter(Objects::nonNull)
                .toList();
    }
}
