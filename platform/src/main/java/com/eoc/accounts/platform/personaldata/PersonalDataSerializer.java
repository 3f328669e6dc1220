package com.eoc.accounts.platform.personaldata;

import com.eoc.accounts.events.PersonalData;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The event serializer, with the {@link PersonalData} fields of an event encrypted with its
 * account's data key ({@link DataKeys}, {@link FieldCipher}) on the way to the store and decrypted
 * on the way back; a field whose key is erased reads as {@code null}. Every reader of the event
 * store (the aggregate, the projections, the history, dead letters) goes through it, so no code
 * outside this package sees a ciphertext, and none sees a plaintext that was erased.
 *
 * <p>The event's own JSON is rewritten, field by field: its shape, its type and revision, and so
 * the upcasters, stay as they are. A field written before encryption came in (text without
 * {@value FieldCipher#PREFIX}) reads as it is, until the migration encrypts it.
 */
public final class PersonalDataSerializer implements Serializer {

    private static final String ACCOUNT_ID = "accountId";
    private static final ClassValue<List<String>> PERSONAL_FIELDS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? List.of() : java.util.Arrays.stream(components)
                    .filter(component -> component.isAnnotationPresent(PersonalData.class))
                    .map(RecordComponent::getName)
                    .toList();
        }
    };

    /** The names of the {@link PersonalData} fields of an event type; none for any other type. */
    static List<String> personalFields(Class<?> type) {
        return PERSONAL_FIELDS.get(type);
    }

    private final Jackson3Serializer delegate;
    private final Supplier<DataKeys> keys;

    public PersonalDataSerializer(Jackson3Serializer delegate, Supplier<DataKeys> keys) {
        this.delegate = delegate;
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        List<String> fields = object == null ? List.of() : PERSONAL_FIELDS.get(object.getClass());
        if (fields.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        // the event's tree straight from the object, as the serializer beneath would write it
        ObjectMapper mapper = delegate.getObjectMapper();
        ObjectNode event = mapper.valueToTree(object);
        String accountId = event.get(ACCOUNT_ID).asString();
        // no key for an event whose fields are all null: an erased account's event, read back after
        // the erasure, is written again (a dead letter) without asking for the key it no longer has
        byte[] key = null;
        for (String field : fields) {
            JsonNode value = event.get(field);
            if (value != null && value.isString()) {
                if (key == null) {
                    key = keys.get().forWriting(UUID.fromString(accountId));
                }
                event.put(field, FieldCipher.encrypt(key, accountId, field, value.asString()));
            }
        }
        SerializedObject<byte[]> encrypted = new SimpleSerializedObject<>(mapper.writeValueAsBytes(event), byte[].class,
                typeForClass(object.getClass()));
        return getConverter().convert(encrypted, expectedRepresentation);
    }

    /**
     * Hands the event's JSON tree, its fields decrypted (or erased), to the serializer beneath,
     * which reads a tree as it is: no second parse of the payload.
     */
    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        List<String> fields = PERSONAL_FIELDS.get(classForType(serializedObject.getType()));
        if (fields.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        ObjectNode event = (ObjectNode) getConverter().convert(serializedObject, JsonNode.class).getData();
        if (JsonNode.class.isAssignableFrom(serializedObject.getContentType())) {
            // a tree handed in (the upcasters' representation) may be read again by others: a copy
            event = event.deepCopy();
        }
        String accountId = event.get(ACCOUNT_ID).asString();
        byte[] key = null;
        boolean looked = false;
        for (String field : fields) {
            JsonNode value = event.get(field);
            if (value == null || !value.isString() || !FieldCipher.isEncrypted(value.asString())) {
                continue;
            }
            if (!looked) {
                key = keys.get().forReading(UUID.fromString(accountId)).orElse(null);
                looked = true;
            }
            if (key == null) {
                event.putNull(field);
            } else {
                event.put(field, FieldCipher.decrypt(key, accountId, field, value.asString()));
            }
        }
        return delegate.deserialize(new SimpleSerializedObject<>(event, JsonNode.class, serializedObject.getType()));
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
