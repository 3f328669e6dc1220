package com.eoc.accounts.query.history;

import org.springframework.web.util.UriComponentsBuilder;

/** The {@code Link} header that names the next page of a history (RFC 8288, {@code rel="next"}). */
final class NextPage {

    private NextPage() {
    }

    static String link(UriComponentsBuilder page) {
        return "<" + page.encode().build().toUriString() + ">; rel=\"next\"";
    }
}
