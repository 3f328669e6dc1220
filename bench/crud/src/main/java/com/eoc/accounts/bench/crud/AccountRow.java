package com.eoc.accounts.bench.crud;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/**
 * An account's names as one row, with a version that each update increments (the answer
 * carries it, as the command side's does).
 */
@Entity
@Table(name = "account", schema = "crud")
class AccountRow {

    @Id
    private UUID id;
    private String firstName;
    private String lastName;
    @Version
    private long version;

    protected AccountRow() {
        // for JPA
    }

    void rename(String firstName, String lastName) {
        this.firstName = firstName;
        this.lastName = lastName;
    }

    UUID id() {
        return id;
    }

    long version() {
        return version;
    }
}
