package com.eoc.accounts.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field that says who a person is (a name, an email address). It is stored encrypted with its
 * account's own data key, and reads as {@code null} once that key is erased: the event stays, with
 * every other fact of it, and so does its place in the hash chain, which covers the ciphertext.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {
}
