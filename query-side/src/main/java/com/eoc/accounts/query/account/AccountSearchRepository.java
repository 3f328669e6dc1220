package com.eoc.accounts.query.account;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The dashboards' listing of {@link AccountView}s. The predicates are written on
 * {@code lower(column)} because that is what the trigram indexes of {@code db/query/V3} index.
 * Used through {@link AccountSearch}, which sets how PostgreSQL plans them.
 */
interface AccountSearchRepository extends Repository<AccountView, UUID> {

    Page<AccountView> findAll(Pageable pageable);

    /** {@code pattern} is a LIKE pattern, with {@code \} as its escape character. */
    @Query("""
            select a from AccountView a
             where lower(a.firstName) like lower(:pattern) escape '\\'
                or lower(a.lastName) like lower(:pattern) escape '\\'
                or lower(a.email) like lower(:pattern) escape '\\'""")
    Page<AccountView> findMatching(String pattern, Pageable pageable);
}
