package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiTokenFormatTest {

    @Test
    void tokenIsPrefixThirtyTwoBase62CharactersAndSixCharacterChecksum() {
        String token = ApiTokenFormat.generate();

        assertThat(token).hasSize(42).matches("eoc_[0-9A-Za-z]{38}");
        assertThat(token.substring(36)).isEqualTo(ApiTokenFormat.checksum(token.substring(4, 36)));
        assertThat(ApiTokenFormat.isWellFormed(token)).isTrue();
    }

    @Test
    void checksumIsCrc32InBase62PaddedToSixCharacters() {
        // the standard CRC32 check value: CRC32("123456789") = 0xCBF43926
        assertThat(ApiTokenFormat.checksum("123456789")).isEqualTo(base62(0xCBF43926L));
        assertThat(ApiTokenFormat.checksum("")).isEqualTo("000000");
    }

    @Test
    void aTypoIsCaughtByTheChecksum() {
        String token = ApiTokenFormat.generate();
        char changed = token.charAt(10) == 'a' ? 'b' : 'a';
        String typo = token.substring(0, 10) + changed + token.substring(11);

        assertThat(ApiTokenFormat.isWellFormed(typo)).isFalse();
    }

    @Test
    void otherShapesAreNotTokens() {
        assertThat(ApiTokenFormat.isWellFormed(null)).isFalse();
        assertThat(ApiTokenFormat.isWellFormed("eoc_short")).isFalse();
        assertThat(ApiTokenFormat.isWellFormed("ghp_" + ApiTokenFormat.generate().substring(4))).isFalse();
        String token = ApiTokenFormat.generate();
        assertThat(ApiTokenFormat.isWellFormed(token.substring(0, 20) + "-" + token.substring(21))).isFalse();
    }

    @Test
    void hashIsHexSha256AndHintIsTheLastFourCharacters() {
        String token = "eoc_" + "A".repeat(32) + ApiTokenFormat.checksum("A".repeat(32));

        assertThat(ApiTokenFormat.hash(token)).matches("[0-9a-f]{64}").isNotEqualTo(ApiTokenFormat.hash(token + "x"));
        assertThat(ApiTokenFormat.hint(token)).isEqualTo(token.substring(38));
    }

    @Test
    void tokensDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ApiTokenFormat.generate())).isTrue();
        }
    }

    private static String base62(long value) {
        String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            out.insert(0, digits.charAt((int) (value % 62)));
            value /= 62;
        }
        return out.toString();
    }
}
