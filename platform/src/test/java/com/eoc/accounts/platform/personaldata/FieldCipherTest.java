package com.eoc.accounts.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final String ACCOUNT = "0d6c1b8e-5a4e-4d8f-9a51-7f3e2c1b0a99";

    private final byte[] key = FieldCipher.newKey();

    @Test
    void aFieldReadsBackAsItWasWritten() {
        String stored = FieldCipher.encrypt(key, ACCOUNT, "lastName", "Lovelace 🦋");

        assertThat(stored).startsWith(FieldCipher.PREFIX).doesNotContain("Lovelace");
        assertThat(FieldCipher.isEncrypted(stored)).isTrue();
        assertThat(FieldCipher.decrypt(key, ACCOUNT, "lastName", stored)).isEqualTo("Lovelace 🦋");
    }

    @Test
    void theSameTextIsNeverStoredTwiceAlike() {
        assertThat(FieldCipher.encrypt(key, ACCOUNT, "lastName", "King"))
                .isNotEqualTo(FieldCipher.encrypt(key, ACCOUNT, "lastName", "King"));
    }

    @Test
    void anotherKeyAccountOrFieldOrAChangedByteDoesNotDecrypt() {
        String stored = FieldCipher.encrypt(key, ACCOUNT, "lastName", "King");
        byte[] raw = Base64.getDecoder().decode(stored.substring(FieldCipher.PREFIX.length()));
        raw[raw.length - 1] ^= 1;
        String flipped = FieldCipher.PREFIX + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> FieldCipher.decrypt(FieldCipher.newKey(), ACCOUNT, "lastName", stored))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("King");
        assertThatThrownBy(() -> FieldCipher.decrypt(key, "6b1f0c2a-9d3e-4c57-8e21-0f4a5b6c7d8e", "lastName", stored))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FieldCipher.decrypt(key, ACCOUNT, "firstName", stored))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> FieldCipher.decrypt(key, ACCOUNT, "lastName", flipped))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aThreadsCipherServesTheNextFieldAfterOneFailedToDecrypt() {
        String stored = FieldCipher.encrypt(key, ACCOUNT, "firstName", "Ada");
        assertThatThrownBy(() -> FieldCipher.decrypt(key, ACCOUNT, "lastName", stored))
                .isInstanceOf(IllegalStateException.class);

        assertThat(FieldCipher.decrypt(key, ACCOUNT, "firstName", stored)).isEqualTo("Ada");
        assertThat(FieldCipher.decrypt(key, ACCOUNT, "firstName", FieldCipher.encrypt(key, ACCOUNT, "firstName", "Grace")))
                .isEqualTo("Grace");
    }
}
