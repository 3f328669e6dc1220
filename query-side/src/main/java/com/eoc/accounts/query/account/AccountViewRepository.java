package com.eoc.accounts.query.account;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AccountViewRepository extends JpaRepository<AccountView, UUID> {

    /**
     * The rows of these accounts, in one statement whatever their number: the ids go as one
     * PostgreSQL array, so every batch of events shares one prepared statement, where
     * {@code findAllById} builds an IN list (and a query to interpret) for each size.
     */
    @Query(value = "SELECT * FROM query_side.account_view WHERE account_id = ANY(:ids)", nativeQuery = true)
    List<AccountView> findAllOf(UUID[] ids);
}
