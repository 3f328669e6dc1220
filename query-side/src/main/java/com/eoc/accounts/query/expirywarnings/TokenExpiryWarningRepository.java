package com.eoc.accounts.query.expirywarnings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TokenExpiryWarningRepository extends JpaRepository<TokenExpiryWarning, UUID> {

    /**
     * The warnings about tokens that have not expired by {@code now}, soonest first. A token that
     * expired since the refresh job last ran is no longer a warning but an expired token.
     */
    @Query("select w from TokenExpiryWarning w where w.expiresAt > :now order by w.expiresAt, w.tokenId")
    List<TokenExpiryWarning> findUnexpiredAt(Instant now);
}
