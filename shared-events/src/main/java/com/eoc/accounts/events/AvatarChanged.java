package com.eoc.accounts.events;

import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * The image itself lives in the content-addressed avatar store; the event names it by digest.
 *
 * @param digest      hex SHA-256 of the stored (re-encoded) image
 * @param contentType media type of the stored image, always {@code image/png} today
 * @param sizeBytes   size of the stored image
 */
@Revision("1")
public record AvatarChanged(UUID accountId, String digest, String contentType, int width, int height,
                            long sizeBytes) implements AccountEvent {
}
