package com.eoc.accounts.bench.crud;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.UUID;

/**
 * An account's names as one row. Optimistic locking ({@link Version}) is what such a service
 * would use to refuse lost updates, as the command side does with its event sequence.
 */
@Entity
@Table(name = "account", schema = "crud")
class Account {

    @Id
    private UUID id;
    private String firstName;
    private String lastName;
    @Version
    private long version;

    protected Account() {
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
