package com.eoc.accounts.query.account;

import com.eoc.accounts.events.AccountClosed;
import com.eoc.accounts.events.AccountEvent;
import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.AccountReopened;
import com.eoc.accounts.events.AvatarChanged;
import com.eoc.accounts.events.AvatarRemoved;
import com.eoc.accounts.events.EmailChanged;
import com.eoc.accounts.events.PersonalDataErased;
import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.TokenGenerated;
import com.eoc.accounts.events.UserRenamed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * One account as the settings screen and dashboards read it, kept up to date by
 * {@link AccountProjection}. Holds what a user may see again about the API token (id, hint,
 * dates), never the token or its hash.
 *
 * <p>{@link #registeredBy} and {@link #apply} are the one place that says what each event does to
 * an account: the projection folds the live stream with them, and {@link AccountStates} folds an
 * account's past events with them for auditors.
 */
@Entity
@Table(name = "account_view", schema = "query_side")
public class AccountView implements Persistable<UUID> {

    @Id
    @Column(name = "account_id")
    private UUID accountId;

    /** The login of the account's owner, bound at registration and never changed. */
    private String subject;

    private String firstName;
    private String lastName;
    private String email;

    private String avatarDigest;
    private String avatarContentType;
    private Integer avatarWidth;
    private Integer avatarHeight;
    private Long avatarSizeBytes;

    private UUID tokenId;
    private String tokenHint;
    private Instant tokenCreatedAt;
    private Instant tokenExpiresAt;

    /** When an administrator closed the account; null while it is open. */
    private Instant closedAt;

    /** When an administrator erased its personal data; null until then. */
    private Instant erasedAt;

    /** The aggregate's version: sequence number of the last event applied. Not a JPA lock. */
    private long version;
    private Instant updatedAt;

    /**
     * A row {@link #registeredBy} made and not yet stored: saving it inserts it, where Spring Data
     * would otherwise merge it, which reads the row first to see whether it exists.
     */
    @Transient
    private boolean unsaved;

    protected AccountView() {
        // for JPA
    }

    AccountView(UUID accountId, String subject, String firstName, String lastName, String email, long version,
                Instant updatedAt) {
        this.accountId = accountId;
        this.subject = subject;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.version = version;
        this.updatedAt = updatedAt;
    }

    /** The account as its registration made it. */
    static AccountView registeredBy(AccountRegistered event, long sequenceNumber, Instant at) {
        AccountView view = new AccountView(event.accountId(), event.subject(), event.firstName(), event.lastName(),
                event.email(), sequenceNumber, at);
        view.unsaved = true;
        return view;
    }

    @PostPersist
    void stored() {
        unsaved = false;
    }

    @Override
    public UUID getId() {
        return accountId;
    }

    @Override
    public boolean isNew() {
        return unsaved;
    }

    /**
     * Folds one later event of this account in and moves the version to its sequence number.
     * Takes everything of a token but its hash: the view is readable by dashboards, the hash is a
     * credential.
     */
    void apply(AccountEvent event, long sequenceNumber, Instant at) {
        if (event instanceof UserRenamed renamed) {
            rename(renamed.firstName(), renamed.lastName());
        } else if (event instanceof EmailChanged changed) {
            changeEmail(changed.email());
        } else if (event instanceof AvatarChanged avatar) {
            changeAvatar(avatar.digest(), avatar.contentType(), avatar.width(), avatar.height(), avatar.sizeBytes());
        } else if (event instanceof AvatarRemoved) {
            removeAvatar();
        } else if (event instanceof TokenGenerated generated) {
            issueToken(generated.tokenId(), generated.hint(), generated.createdAt(), generated.expiresAt());
        } else if (event instanceof TokenDeleted deleted) {
            deleteToken(deleted.tokenId());
        } else if (event instanceof AccountClosed) {
            this.closedAt = at;
        } else if (event instanceof AccountReopened) {
            this.closedAt = null;
        } else if (event instanceof PersonalDataErased) {
            erase(at);
        } else {
            // AccountRegistered starts an account (registeredBy); an account is registered once
            throw new IllegalArgumentException("cannot apply " + event.getClass().getSimpleName()
                    + " to the existing account " + accountId);
        }
        appliedAt(sequenceNumber, at);
    }

    /** Whether the event with this sequence number is already reflected here (a replay). */
    boolean hasApplied(long sequenceNumber) {
        return sequenceNumber <= version;
    }

    void appliedAt(long sequenceNumber, Instant at) {
        this.version = sequenceNumber;
        this.updatedAt = at;
    }

    void rename(String firstName, String lastName) {
        this.firstName = firstName;
        this.lastName = lastName;
    }

    void changeEmail(String email) {
        this.email = email;
    }

    void changeAvatar(String digest, String contentType, int width, int height, long sizeBytes) {
        this.avatarDigest = digest;
        this.avatarContentType = contentType;
        this.avatarWidth = width;
        this.avatarHeight = height;
        this.avatarSizeBytes = sizeBytes;
    }

    void removeAvatar() {
        this.avatarDigest = null;
        this.avatarContentType = null;
        this.avatarWidth = null;
        this.avatarHeight = null;
        this.avatarSizeBytes = null;
    }

    void issueToken(UUID tokenId, String hint, Instant createdAt, Instant expiresAt) {
        this.tokenId = tokenId;
        this.tokenHint = hint;
        this.tokenCreatedAt = createdAt;
        this.tokenExpiresAt = expiresAt;
    }

    void deleteToken(UUID tokenId) {
        if (tokenId.equals(this.tokenId)) {
            issueToken(null, null, null, null);
        }
    }

    boolean hasAvatar() {
        return avatarDigest != null;
    }

    boolean hasToken() {
        return tokenId != null;
    }

    AccountStatus status() {
        if (erasedAt != null) {
            return AccountStatus.ERASED;
        }
        return closedAt == null ? AccountStatus.OPEN : AccountStatus.CLOSED;
    }

    /** Its names and email address, and its image, gone; its token went at its closing. */
    private void erase(Instant at) {
        rename(null, null);
        changeEmail(null);
        removeAvatar();
        this.erasedAt = at;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public String getSubject() {
        return subject;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getEmail() {
        return email;
    }

    public String getAvatarDigest() {
        return avatarDigest;
    }

    public String getAvatarContentType() {
        return avatarContentType;
    }

    public Integer getAvatarWidth() {
        return avatarWidth;
    }

    public Integer getAvatarHeight() {
        return avatarHeight;
    }

    public Long getAvatarSizeBytes() {
        return avatarSizeBytes;
    }

    public UUID getTokenId() {
        return tokenId;
    }

    public String getTokenHint() {
        return tokenHint;
    }

    public Instant getTokenCreatedAt() {
        return tokenCreatedAt;
    }

    public Instant getTokenExpiresAt() {
        return tokenExpiresAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public long getVersion() {
        return version;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
