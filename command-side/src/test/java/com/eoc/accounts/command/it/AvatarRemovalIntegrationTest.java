package com.eoc.accounts.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Removing and replacing a profile image on the real path: the account shows none, and an image
 * that no account uses any more is gone from the image store, while one that another account
 * still shows stays.
 */
class AvatarRemovalIntegrationTest extends LocalRunTest {

    @Test
    void removingTheOnlyUseDeletesTheImage() throws IOException {
        String id = register();
        String digest = upload(id, picture());

        Http.Reply removed = owner(id).delete("/api/accounts/" + id + "/avatar");

        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        assertThat(removed.header("ETag")).isEqualTo("\"2\"");
        assertThat(stored(digest)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM command_side.avatar_use WHERE account_id = ?::uuid").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void anImageAnotherAccountShowsStays() throws IOException {
        byte[] shared = picture();
        String first = register();
        String second = register();
        String digest = upload(first, shared);
        assertThat(upload(second, shared)).isEqualTo(digest);

        assertThat(admin.delete("/api/accounts/" + first + "/avatar").status()).isEqualTo(204);

        assertThat(stored(digest)).isTrue();
        assertThat(admin.delete("/api/accounts/" + second + "/avatar").status()).isEqualTo(204);
        assertThat(stored(digest)).isFalse();
    }

    @Test
    void aReplacedImageNoOneShowsIsDeleted() throws IOException {
        String id = register();
        String old = upload(id, picture());

        String current = upload(id, picture());

        assertThat(stored(old)).isFalse();
        assertThat(stored(current)).isTrue();
    }

    @Test
    void removingWhenThereIsNoImageIs404AndRecordsNothing() {
        String id = register();

        Http.Reply reply = owner(id).delete("/api/accounts/" + id + "/avatar");

        assertThat(reply.status()).as(reply.body()).isEqualTo(404);
        assertThat(reply.json().get("type").asString()).isEqualTo("urn:eoc:problem:no-avatar");
        assertThat(eventCount(id)).isEqualTo(1);
    }

    private String upload(String accountId, byte[] image) {
        Http.Reply reply = admin.putImage("/api/accounts/" + accountId + "/avatar", image);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("avatar").get("digest").asString();
    }

    private boolean stored(String digest) {
        return jdbc.sql("SELECT count(*) FROM avatarstore.image WHERE digest = ?").param(digest)
                .query(Long.class).single() == 1;
    }

    /** A picture no other test uploads: a colour of its own. */
    private static byte[] picture() throws IOException {
        BufferedImage image = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(ThreadLocalRandom.current().nextInt(0x1000000)));
        graphics.fillRect(0, 0, 24, 24);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
