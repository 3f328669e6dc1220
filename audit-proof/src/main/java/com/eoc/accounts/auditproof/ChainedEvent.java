package com.eoc.accounts.auditproof;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What an event's link in its account's hash chain covers, as it is stored: the account, the
 * event's place in it, its type and revision, a digest of its payload (the bytes as stored, so a
 * field encrypted at rest is covered as ciphertext), and what auditors rely on from its metadata
 * (who, when, in which request).
 *
 * <p>The link is {@code SHA-256(encoding)}, the encoding being, in order: the previous event's
 * link (32 zero bytes before an account's first event), then each field below; a text as its
 * length in UTF-8 bytes (4 bytes, big-endian; -1 for an absent one) and those bytes, the sequence
 * number as 8 bytes big-endian, the payload digest as its 32 bytes. The first field is the name of
 * this encoding, {@value #ENCODING}, so that another one can never produce the same bytes.
 *
 * @param accountId     the account (the aggregate identifier)
 * @param sequence      the event's sequence number within its account, from 0
 * @param payloadType   the payload's type as stored
 * @param revision      the payload's revision as stored, or {@code null}
 * @param payloadSha256 SHA-256 of the payload's bytes as stored
 * @param occurredAt    the event's timestamp as stored (ISO-8601)
 * @param actor         who issued the command, from the metadata, or {@code null}
 * @param correlationId the request that caused it, from the metadata, or {@code null}
 */
public record ChainedEvent(String accountId, long sequence, String payloadType, String revision,
                           byte[] payloadSha256, String occurredAt, String actor, String correlationId) {

    public static final String ENCODING = "eoc-accounts/event-chain/1";

    public ChainedEvent {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (payloadSha256 == null || payloadSha256.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("payloadSha256 must be a SHA-256 digest");
        }
    }

    /** The event with a digest of the payload's bytes as stored. */
    public static ChainedEvent of(String accountId, long sequence, String payloadType, String revision,
                                  byte[] payload, String occurredAt, String actor, String correlationId) {
        return new ChainedEvent(accountId, sequence, payloadType, revision, Sha256.of(payload), occurredAt, actor,
                correlationId);
    }

    /**
     * @param previous the previous event's link, or {@link Sha256#none()} before the first
     * @return this event's link
     */
    public byte[] link(byte[] previous) {
        if (previous == null || previous.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("the previous link must be a SHA-256 digest");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, ENCODING);
            out.write(previous);
            text(out, accountId);
            out.writeLong(sequence);
            text(out, payloadType);
            text(out, revision);
            out.write(payloadSha256);
            text(out, occurredAt);
            text(out, actor);
            text(out, correlationId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Sha256.of(bytes.toByteArray());
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        if (text == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
