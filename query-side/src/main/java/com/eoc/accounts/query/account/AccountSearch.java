package com.eoc.accounts.query.account;

import java.text.Normalizer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.query.EscapeCharacter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds accounts by part of their first name, last name or email, ignoring case. */
@Service
class AccountSearch {

    private final AccountSearchRepository accounts;
    private final JdbcTemplate jdbc;

    AccountSearch(AccountSearchRepository accounts, JdbcTemplate jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /**
     * Accounts whose first name, last name or email contains {@code term}, ignoring case and the
     * blanks around it; all of them when the term is blank. {@code %} and {@code _} in the term
     * are matched literally.
     */
    @Transactional(readOnly = true)
    Page<AccountView> find(String term, Pageable pageable) {
        if (term == null || term.isBlank()) {
            return accounts.findAll(pageable);
        }
        // The best plan depends on the term: a trigram index for a rare one, a scan in listing
        // order for a common or short one (under three characters a trigram index has nothing to
        // look up). Once the driver has prepared the statement, PostgreSQL may switch to one
        // generic plan for every term, the wrong one for most of them on a large view; planning
        // each search for its own term costs far less than a wrong plan.
        jdbc.queryForObject("SELECT set_config('plan_cache_mode', 'force_custom_plan', true)", String.class);
        // names are stored composed (NFC): a term typed decomposed finds them too
        String composed = Normalizer.normalize(term.strip(), Normalizer.Form.NFC);
        return accounts.findMatching("%" + EscapeCharacter.DEFAULT.escape(composed) + "%", pageable);
    }
}
