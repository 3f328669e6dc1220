package com.eoc.accounts.query.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboards' account list. A page larger than {@value #MAX_SIZE} is refused rather than
 * cut down: a client that computes offsets from the size it asked for would otherwise skip
 * accounts without noticing.
 */
@RestController
@Tag(name = "Dashboards", description = "Lists and counters for viewers and administrators")
class AccountSearchController {

    static final int MAX_SIZE = 100;
    /** The longest email address: no name or address is longer. */
    static final int MAX_SEARCH_LENGTH = 254;
    /** JPA addresses rows with an int offset: beyond this page, page × size would not fit. */
    static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;

    /** Unique to the last key, so that pages neither overlap nor skip an account. */
    private static final Sort ORDER = Sort.by("lastName", "firstName", "accountId");

    private final AccountSearch accounts;
    private final TokenExpiry tokenExpiry;

    AccountSearchController(AccountSearch accounts, TokenExpiry tokenExpiry) {
        this.accounts = accounts;
        this.tokenExpiry = tokenExpiry;
    }

    /**
     * {@code search} is measured in code points, as the command side measures names and email
     * addresses (a regular expression's {@code .} is one code point; {@code @Size} would count
     * UTF-16 units), and may hold no control character, C1 included.
     */
    @GetMapping("/api/accounts")
    @Operation(summary = "Search the accounts by name or email, a page at a time (dashboards)",
            description = "search matches part of a name or an email address, ignoring case; ordered by last name,"
                    + " first name and id. page counts from 0; size is 1 to 100 (a larger one is refused, not cut)")
    AccountPage accounts(@RequestParam(defaultValue = "")
                         @Pattern(regexp = "(?s).{0," + MAX_SEARCH_LENGTH + "}",
                                 message = "must be at most " + MAX_SEARCH_LENGTH + " characters")
                         @Pattern(regexp = "\\P{Cc}*", message = "must not contain control characters") String search,
                         @RequestParam(defaultValue = "0")
                         @Min(value = 0, message = "must be 0 or more (pages count from 0)")
                         @Max(value = MAX_PAGE, message = "must be at most {value}") int page,
                         @RequestParam(defaultValue = "20")
                         @Min(value = 1, message = "must be at least {value}")
                         @Max(value = MAX_SIZE, message = "must be at most {value}") int size) {
        Page<AccountView> found = accounts.find(search, PageRequest.of(page, size, ORDER));
        return new AccountPage(found.map(view -> AccountResponse.of(view, tokenExpiry)).getContent(),
                page, size, found.getTotalElements());
    }
}
