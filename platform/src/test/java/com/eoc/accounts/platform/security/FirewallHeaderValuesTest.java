package com.eoc.accounts.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class FirewallHeaderValuesTest {

    private final FirewallHeaderValues values = new FirewallHeaderValues();

    @Test
    void decidesEveryCodePointAsSpringSecuritysRuleDoes() {
        List<Integer> differing = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String value = "a" + new String(Character.toChars(codePoint)) + "b";
            if (values.test(value) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value)) {
                differing.add(codePoint);
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void allowsATokenAndATabButNoControlCharacter() {
        assertThat(values.test("Bearer " + "eyJhbGciOiJSUzI1NiJ9.".repeat(40))).isTrue();
        assertThat(values.test("a\tb")).isTrue();
        assertThat(values.test("")).isTrue();
        assertThat(values.test("a\nb")).isFalse();
        assertThat(values.test("a\u0000")).isFalse();
        assertThat(values.test("a\u0085b")).isFalse();
        assertThat(values.test("unassigned \u0378")).isFalse();
        assertThat(values.test("emoji \uD83D\uDE00")).isTrue();
    }

    @Test
    void theFirewallRefusesAControlCharacterInAHeaderValue() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/accounts");
        request.addHeader("X-Note", "one\u0007two");

        assertThatThrownBy(() -> FirewallHeaderValues.firewall().getFirewalledRequest(request).getHeader("X-Note"))
                .isInstanceOf(RequestRejectedException.class);
    }
}
