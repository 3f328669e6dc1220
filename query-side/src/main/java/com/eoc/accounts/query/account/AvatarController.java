package com.eoc.accounts.query.account;

import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;

import com.eoc.accounts.platform.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's current avatar. The view's {@code avatarUrl} names the image's digest
 * ({@code ?v=}), so that URL can be cached for a year: a new avatar gets a new URL. Asked
 * for without it, the answer must be revalidated, which the strong {@code ETag} makes cheap.
 */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Account views", description = "An account as its owner, its API token and its readers see it")
class AvatarController {

    static final int VERSION_LENGTH = 16;
    private static final String ETAG = "The image's SHA-256, a strong entity tag";
    private static final String CACHING = "private, max-age=31536000, immutable with v= the image's version (as the"
            + " view's avatarUrl names it); otherwise private, no-cache";
    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();
    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();

    private final AccountViewRepository accounts;
    private final AvatarStoreReader images;

    AvatarController(AccountViewRepository accounts, AvatarStoreReader images) {
        this.accounts = accounts;
        this.images = images;
    }

    @GetMapping("/{id}/avatar")
    @Operation(summary = "The account's avatar, a PNG", description = "Read at the view's avatarUrl, it may be"
            + " cached for a year; without v=, it must be revalidated with If-None-Match")
    @ApiResponse(responseCode = "200", description = "The image",
            content = @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
            headers = {@Header(name = "ETag", description = ETAG, required = true, schema = @Schema(type = "string")),
                    @Header(name = "Cache-Control", description = CACHING, required = true,
                            schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "304", description = "The copy named in If-None-Match is current", content = @Content,
            headers = {
            @Header(name = "ETag", description = ETAG, required = true, schema = @Schema(type = "string")),
            @Header(name = "Cache-Control", description = CACHING, required = true, schema = @Schema(type = "string"))})
    @ProblemResponse(status = FORBIDDEN, types = "account-closed")
    @ProblemResponse(status = NOT_FOUND, types = {"account-not-found", "no-avatar"})
    ResponseEntity<byte[]> avatar(@PathVariable UUID id, @RequestParam(name = "v", required = false) String version,
                                  @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        AccountView view = accounts.findById(id).orElseThrow(() -> new AccountNotFoundException(id));
        if (!view.hasAvatar()) {
            throw new NoAvatarException(id);
        }
        String digest = view.getAvatarDigest();
        ETag etag = ETag.create(digest);
        CacheControl caching = digest.substring(0, VERSION_LENGTH).equals(version) ? FOREVER : REVALIDATE;
        if (ifNoneMatch != null && ETag.parse(ifNoneMatch).stream()
                .anyMatch(tag -> tag.isWildcard() || etag.compare(tag, false))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag.formattedTag()).cacheControl(caching).build();
        }
        AvatarStoreReader.Image image = images.find(digest).orElseThrow(() -> new NoAvatarException(id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.contentType()))
                .eTag(etag.formattedTag())
                .cacheControl(caching)
                .body(image.content());
    }

    static String url(AccountView view) {
        return "/api/accounts/" + view.getAccountId() + "/avatar?v=" + view.getAvatarDigest().substring(0, VERSION_LENGTH);
    }
}
