package com.eoc.accounts.query.expirywarnings;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CurrentTokenRepository extends JpaRepository<CurrentToken, UUID> {
}
