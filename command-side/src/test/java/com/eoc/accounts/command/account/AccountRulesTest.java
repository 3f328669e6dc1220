package com.eoc.accounts.command.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eoc.accounts.command.account.Rejections.FieldViolation;
import com.eoc.accounts.command.account.Rejections.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a name and an email address may hold (docs/api.md, "Names and email addresses"). */
class AccountRulesTest {

    @Nested
    class Names {

        @Test
        void keepsANameAsItIsWrittenWithoutTheBlanksAroundIt() {
            assertThat(name("  Ada  ")).isEqualTo("Ada");
            assertThat(name("\u00a0\u3000Zoë\u00a0")).isEqualTo("Zoë");
            assertThat(name("O'Brien-Łukasiewicz")).isEqualTo("O'Brien-Łukasiewicz");
            assertThat(name("李小龍")).isEqualTo("李小龍");
        }

        @Test
        void storesTheComposedFormSoThatOneNameIsOneString() {
            assertThat(name("Zoe\u0308")).isEqualTo("Zo\u00eb");
        }

        @Test
        void countsCodePointsNotUtf16Units() {
            String hundredEmoji = "😀".repeat(100);
            assertThat(hundredEmoji.length()).isEqualTo(200);
            assertThat(name(hundredEmoji)).isEqualTo(hundredEmoji);
            assertRefused(() -> name("😀".repeat(101)), "must be at most 100 characters");
        }

        @Test
        void keepsTheJoinersThatScriptsAndEmojiNeed() {
            assertThat(name("👩\u200d💻")).isEqualTo("👩\u200d💻");
            assertThat(name("می\u200cخواهم")).isEqualTo("می\u200cخواهم");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ada\ud800", "\udc00Ada", "Ada\ud83d"})
        void refusesALoneSurrogate(String name) {
            assertRefused(() -> name(name), "must be valid Unicode text");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ada\u0000", "Ada\nEvil", "Ada\u007f", "Ada\u0085", "Ada\u009b31m", "Ada\u2028Evil",
                "Ada\u2029Evil"})
        void refusesControlCharactersAndLineBreaks(String name) {
            assertRefused(() -> name(name), "must not contain control characters or line breaks");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ada\u202egnp.exe", "\u2066Ada\u2069", "Ada\u200b", "Ada\u200e", "A\u00adda", "Ada\ufeff",
                "Ada\udb40\udc41", "Ada\ue000", "Ada\u0378", "Ada\ufdd0", "\u3164", "Ada\u2800"})
        void refusesInvisibleDirectionChangingPrivateAndUnassignedCharacters(String name) {
            assertRefused(() -> name(name),
                    "must not contain invisible, direction-changing, private-use or unassigned characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\u0301\u0301", "\u200d", "\ufe0f", "\u200c\u200d"})
        void refusesANameThatShowsNothing(String name) {
            assertRefused(() -> name(name), "must contain a letter, a digit, a punctuation mark or a symbol");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "\u00a0\u2003", "\t"})
        void refusesABlankName(String name) {
            assertRefused(() -> name(name), "must not be blank");
        }
    }

    @Nested
    class EmailAddresses {

        @Test
        void keepsAnAsciiAddressAsItIsWritten() {
            assertThat(email(" Ada.King+settings@Example.com ")).isEqualTo("Ada.King+settings@Example.com");
            assertThat(email("o'brien@example.co.uk")).isEqualTo("o'brien@example.co.uk");
        }

        @Test
        void storesAnInternationalisedDomainInItsAsciiForm() {
            assertThat(email("x@bücher.example")).isEqualTo("x@xn--bcher-kva.example");
            assertThat(email("x@xn--bcher-kva.example")).isEqualTo("x@xn--bcher-kva.example");
        }

        @Test
        void showsALookAlikeDomainForWhatItIs() {
            // a Cyrillic "а" in place of the Latin one
            assertThat(email("ceo@ex\u0430mple.com")).startsWith("ceo@xn--").isNotEqualTo("ceo@example.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ada", "@example.com", "ada@", "ada@@example.com", "ada@example", "a da@example.com",
                "\"ada\"@example.com", "ada<script>@example.com", "ada@exa_mple.com", "ada@-example.com",
                ".ada@example.com", "ada..king@example.com", "adä@example.com", "ada@exa\nmple.com",
                "ada@exam\u202eple.com", "ada@exa\u200bmple.com", "ada@exa\u00admple.com", "ada@[127.0.0.1]", "ada@example..com"})
        void refusesWhatIsNotAnAddress(String email) {
            assertRefused(() -> email(email), "must be a valid email address");
        }

        @Test
        void refusesALocalPartLongerThan64Characters() {
            assertRefused(() -> email("a".repeat(65) + "@example.com"), "must be a valid email address");
            assertThat(email("a".repeat(64) + "@example.com")).hasSize(76);
        }

        @Test
        void refusesAnAddressLongerThan254CharactersAsWrittenOrAsStored() {
            String label = "b".repeat(60);
            assertRefused(() -> email("a@" + (label + ".").repeat(5) + "com"), "must be at most 254 characters");
            // 250 code points as written, longer in its ASCII form
            String umlauts = "ü".repeat(55);
            String written = "a@" + (umlauts + ".").repeat(4) + "example";
            assertThat(written.codePointCount(0, written.length())).isLessThanOrEqualTo(254);
            assertRefused(() -> email(written), "must be at most 254 characters");
        }

        @Test
        void refusesALoneSurrogate() {
            assertRefused(() -> email("ada\ud800@example.com"), "must be valid Unicode text");
        }
    }

    @Nested
    class Subjects {

        @Test
        void keepsTheSubjectCharacterForCharacter() {
            assertThat(subject(" auth0|Zoe\u0308 ")).isEqualTo("auth0|Zoe\u0308");
        }

        @Test
        void refusesALoneSurrogate() {
            assertRefused(() -> subject("auth0|\udfff"), "must be valid Unicode text");
        }
    }

    private static String name(String value) {
        AccountRules rules = new AccountRules();
        String name = rules.name("firstName", value);
        rules.check();
        return name;
    }

    private static String email(String value) {
        AccountRules rules = new AccountRules();
        String email = rules.email("email", value);
        rules.check();
        return email;
    }

    private static String subject(String value) {
        AccountRules rules = new AccountRules();
        String subject = rules.subject("subject", value, "the-account-id");
        rules.check();
        return subject;
    }

    private static void assertRefused(Runnable check, String message) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.violations()).extracting(FieldViolation::message).containsExactly(message));
    }
}
