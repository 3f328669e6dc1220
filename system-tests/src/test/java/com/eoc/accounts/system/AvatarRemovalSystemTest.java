package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.localpostgres.LocalPostgres;
import com.eoc.accounts.system.Accounts.Person;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Its owner removes an account's profile image: the view shows none, the query side serves none,
 * and the image, which no other account shows, is gone from the image store.
 */
class AvatarRemovalSystemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RunningSystem system = RunningSystem.get();
    private final Accounts accounts = new Accounts(system);

    @Test
    void aRemovedImageIsShownNowhereAndDeleted() throws Exception {
        Person person = accounts.register("Ima", "Gone");
        String account = "/api/accounts/" + person.id();
        String owner = system.jwt(person.id());
        // a size no other test uploads: this account is the image's only user
        HttpResponse<String> uploaded = system.commandSide.exchange("PUT", account + "/avatar",
                Body.png("image", Files.readAllBytes(Images.picture(37, 41))), owner);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        String digest = JSON.readTree(uploaded.body()).get("avatar").get("digest").asString();
        accounts.awaitView(person.id(), 1);
        assertThat(system.querySide.send("GET", account + "/avatar", null, owner).statusCode()).isEqualTo(200);
        assertThat(imagesWithDigest(digest)).isOne();

        HttpResponse<String> removed = system.commandSide.send("DELETE", account + "/avatar", null, owner);

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(removed.headers().firstValue("ETag")).contains("\"2\"");
        JsonNode view = accounts.awaitView(person.id(), 2);
        assertThat(view.get("avatarUrl").isNull()).isTrue();
        HttpResponse<String> image = system.querySide.send("GET", account + "/avatar", null, owner);
        assertThat(image.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(image.body()).get("type").asString()).isEqualTo("urn:eoc:problem:no-avatar");
        assertThat(imagesWithDigest(digest)).isZero();
        assertThat(accounts.eventTypes(person.id())).endsWith("AvatarChanged", "AvatarRemoved");
    }

    private long imagesWithDigest(String digest) throws Exception {
        try (Connection connection = DriverManager.getConnection(system.databaseUrl, LocalPostgres.USER, "");
             PreparedStatement count = connection.prepareStatement(
                     "SELECT count(*) FROM avatarstore.image WHERE digest = ?")) {
            count.setString(1, digest);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
