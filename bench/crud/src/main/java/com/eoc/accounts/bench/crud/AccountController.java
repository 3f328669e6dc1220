package com.eoc.accounts.bench.crud;

import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The same request as the command side's rename, answered the textbook way: load, change, save. */
@RestController
@RequestMapping("/accounts")
class AccountController {

    private final AccountRowRepository accounts;

    AccountController(AccountRowRepository accounts) {
        this.accounts = accounts;
    }

    @PutMapping("/{id}/name")
    @Transactional
    ResponseEntity<Versioned> rename(@PathVariable UUID id, @RequestBody Name body) {
        return accounts.findForUpdate(id)
                .map(account -> {
                    account.rename(body.firstName(), body.lastName());
                    // flushed now so that the answer carries the version the row got
                    AccountRow saved = accounts.saveAndFlush(account);
                    return ResponseEntity.ok(new Versioned(saved.id(), saved.version()));
                })
                .orElse(ResponseEntity.notFound().build());
    }

    record Name(String firstName, String lastName) {
    }

    record Versioned(UUID accountId, long version) {
    }
}
