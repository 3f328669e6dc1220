package com.eoc.accounts.query.account;

import java.util.List;

/** The body of {@code GET /api/accounts}: one page of accounts, each as {@code GET /api/accounts/{id}} shows it. */
record AccountPage(List<AccountResponse> items, int page, int size, long totalItems) {
}
