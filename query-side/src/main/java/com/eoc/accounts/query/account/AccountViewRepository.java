package com.eoc.accounts.query.account;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AccountViewRepository extends JpaRepository<AccountView, UUID>, AccountViewLookups {
}
