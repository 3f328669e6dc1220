package com.eoc.accounts.bench.crud;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountRowRepository extends JpaRepository<AccountRow, UUID> {

    /**
     * Locks the row for the transaction (SELECT … FOR UPDATE): two renames of one account wait for
     * each other instead of one failing, as the command side's per-account lock does.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from AccountRow a where a.id = :id")
    Optional<AccountRow> findForUpdate(UUID id);
}
