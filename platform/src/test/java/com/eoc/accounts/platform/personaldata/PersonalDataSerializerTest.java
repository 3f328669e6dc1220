package com.eoc.accounts.platform.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eoc.accounts.events.AccountRegistered;
import com.eoc.accounts.events.TokenDeleted;
import com.eoc.accounts.events.UserRenamed;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * The serializer writes an event's personal fields encrypted with its account's key and reads them
 * back; once the key is erased they read as null, and every other field as it was.
 */
class PersonalDataSerializerTest {

    private static final UUID ADA = UUID.fromString("0d6c1b8e-5a4e-4d8f-9a51-7f3e2c1b0a99");

    private final Keys keys = new Keys();
    private final Serializer serializer = new PersonalDataSerializer(Jackson3Serializer.builder().build(), () -> keys);

    @Test
    void personalFieldsAreStoredEncryptedAndReadAsTheyWere() {
        AccountRegistered registered = new AccountRegistered(ADA, "Ada", "Lovelace", "ada@example.com", "auth0|ada");

        SerializedObject<byte[]> stored = serializer.serialize(registered, byte[].class);

        String json = new String(stored.getData(), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("Ada\"", "Lovelace", "ada@example.com").contains("auth0|ada", ADA.toString());
        assertThat(stored.getType().getName()).isEqualTo(AccountRegistered.class.getName());
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(registered);
    }

    @Test
    void onceTheKeyIsErasedTheFieldsReadAsNullAndTheRestAsItWas() {
        SerializedObject<byte[]> stored = serializer.serialize(new UserRenamed(ADA, "Ada", "King"), byte[].class);

        keys.erased.put(ADA, true);

        assertThat((Object) serializer.deserialize(stored)).isEqualTo(new UserRenamed(ADA, null, null));
    }

    /** As a projection parks it in its dead-letter queue after a replay: read back erased, written again. */
    @Test
    void anErasedAccountsEventReadBackIsWrittenAgainWithoutAKey() {
        SerializedObject<byte[]> stored = serializer.serialize(new UserRenamed(ADA, "Ada", "King"), byte[].class);
        keys.erased.put(ADA, true);
        UserRenamed readBack = serializer.deserialize(stored);

        SerializedObject<byte[]> again = serializer.serialize(readBack, byte[].class);

        assertThat((Object) serializer.deserialize(again)).isEqualTo(new UserRenamed(ADA, null, null));
        assertThatThrownBy(() -> serializer.serialize(new UserRenamed(ADA, "Ada", "Again"), byte[].class))
                .as("a personal value is never written for an erased account").isInstanceOf(ErasedAccountException.class);
    }

    @Test
    void anEventWithoutPersonalFieldsAndAFieldWrittenBeforeEncryptionReadAsTheyAre() {
        TokenDeleted deleted = new TokenDeleted(ADA, UUID.randomUUID());
        SerializedObject<byte[]> plain = Jackson3Serializer.builder().build()
                .serialize(new UserRenamed(ADA, "Ada", "King"), byte[].class);

        assertThat((Object) serializer.deserialize(serializer.serialize(deleted, byte[].class))).isEqualTo(deleted);
        assertThat(keys.made).isEmpty();
        assertThat((Object) serializer.deserialize(plain)).isEqualTo(new UserRenamed(ADA, "Ada", "King"));
    }

    /** Keys in memory: one per account, made on first write. */
    private static final class Keys extends DataKeys {

        final Map<UUID, byte[]> made = new HashMap<>();
        final Map<UUID, Boolean> erased = new HashMap<>();

        Keys() {
            super(null);
        }

        @Override
        byte[] forWriting(UUID accountId) {
            if (erased.containsKey(accountId)) {
                throw new ErasedAccountException(accountId);
            }
            return made.computeIfAbsent(accountId, id -> FieldCipher.newKey());
        }

        @Override
        Optional<byte[]> forReading(UUID accountId) {
            return erased.containsKey(accountId) ? Optional.empty() : Optional.ofNullable(made.get(accountId));
        }
    }
}
