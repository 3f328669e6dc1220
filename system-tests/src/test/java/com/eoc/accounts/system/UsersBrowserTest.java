package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.system.Accounts.Person;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * Step 8 in Chromium: an administrator signs in through the local identity provider's form and,
 * on the Users screen, searches and pages through the users, creates one, edits their details and
 * image, revokes (never generates) their API token, and closes and reopens their account.
 */
@Tag("browser")
class UsersBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final By TITLE = By.cssSelector("main h1");
    private static final By SEARCH = By.id("user-search");
    private static final By USERS = By.cssSelector("ul[data-slot=list] > li");
    private static final By PAGE_INFO = By.cssSelector("[data-slot=page-info]");
    private static final By LIST_MESSAGE = By.cssSelector("[data-slot=list-message]");
    private static final By NEXT = By.xpath("//nav//button[normalize-space()='Next']");
    private static final By PREVIOUS = By.xpath("//nav//button[normalize-space()='Previous']");
    private static final By SCREEN_MESSAGE = By.cssSelector("[data-slot=screen-message]");
    private static final By DETAILS_MESSAGE = By.cssSelector("[data-slot=details-message]");
    private static final By TOKEN = By.id("api-token");

    private static Accounts accounts;

    @BeforeAll
    static void accounts() {
        accounts = new Accounts(browser.system());
    }

    @BeforeEach
    void signInAsAdministrator() {
        browser.signIn("admin");
    }

    @Test
    void theUsersScreenSearchesNamesAndEmailOnePageAtATime() throws Exception {
        String family = familyName();
        List<Person> people = new ArrayList<>();
        for (String first : List.of("Ann", "Bob", "Cy", "Dee", "Eve", "Fay", "Gus", "Hal", "Ida", "Jo", "Kit", "Lu")) {
            people.add(accounts.register(first, family));
        }

        browser.visible(By.id("account-button")).click();
        WebElement users = browser.visible(By.xpath("//*[@id='account-menu']//*[normalize-space()='Users']"));
        users.click();
        browser.text(TITLE, "Users");

        browser.driver().findElement(SEARCH).sendKeys(family, Keys.ENTER);
        browser.text(LIST_MESSAGE, "12 users match “" + family + "”");
        browser.text(PAGE_INFO, "Page 1 of 2 (12 users)");
        assertThat(names()).hasSize(10).allMatch(name -> name.endsWith(family));
        assertThat(browser.driver().findElement(PREVIOUS).isEnabled()).isFalse();
        browser.driver().findElement(NEXT).click();
        browser.text(PAGE_INFO, "Page 2 of 2 (12 users)");
        assertThat(names()).hasSize(2);
        assertThat(browser.driver().findElement(NEXT).isEnabled()).isFalse();
        browser.driver().navigate().back();
        browser.text(PAGE_INFO, "Page 1 of 2");

        Person ida = people.get(8);
        WebElement search = browser.visible(SEARCH);
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), ida.email(), Keys.ENTER);
        browser.text(LIST_MESSAGE, "1 user matches “" + ida.email() + "”");
        browser.text(PAGE_INFO, "Page 1 of 1 (1 user)");
        assertThat(names()).containsExactly(ida.name());
        assertThat(browser.driver().findElement(USERS).getText()).contains(ida.email());

        browser.visible(SEARCH).sendKeys(Keys.chord(Keys.CONTROL, "a"), "nobody-" + family, Keys.ENTER);
        browser.text(LIST_MESSAGE, "No user matches");
    }

    @Test
    void anAdministratorCreatesAUserThenEditsTheirDetailsAndImage() throws Exception {
        String family = familyName();
        String email = "new." + family.toLowerCase() + "@example.com";
        String subject = "login-" + family.toLowerCase();
        browser.open("/users", "Users");
        browser.driver().findElement(By.id("new-first-name")).sendKeys("Radia");
        browser.driver().findElement(By.id("new-last-name")).sendKeys(family);
        browser.driver().findElement(By.id("new-email")).sendKeys(email);
        browser.driver().findElement(By.id("new-subject")).sendKeys(subject);
        browser.driver().findElement(By.xpath("//button[normalize-space()='Create user']")).click();

        browser.text(TITLE, "Edit user: Radia " + family);
        browser.text(SCREEN_MESSAGE, "The user is created.");
        assertThat(browser.driver().findElement(By.id("email")).getDomProperty("value")).isEqualTo(email);
        String id = browser.driver().getCurrentUrl().replaceAll(".*#/users/([^?]+).*", "$1");
        JsonNode created = accounts.view(id);
        assertThat(created.get("email").asString()).isEqualTo(email);
        assertThat(created.get("subject").asString()).isEqualTo(subject);
        assertThat(browser.requests("/api/accounts/" + id + "?"))
                .as("the new user's screen waits for the registration itself")
                .containsExactly(browser.url("/api/accounts/" + id + "?minVersion=0"));

        WebElement last = browser.driver().findElement(By.id("last-name"));
        last.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Perlman");
        browser.driver().findElement(By.xpath("//button[normalize-space()='Save']")).click();
        browser.text(DETAILS_MESSAGE, "Saved.");
        browser.text(TITLE, "Edit user: Radia Perlman");
        assertThat(accounts.view(id).get("lastName").asString()).isEqualTo("Perlman");

        browser.driver().findElement(By.id("avatar-file"))
                .sendKeys(Images.picture(120, 120).toAbsolutePath().toString());
        browser.text(By.cssSelector("[data-slot=avatar-message]"), "The profile image is updated.");
        WebElement image = browser.visible(By.cssSelector("main img[data-slot=avatar]"));
        browser.until(driver -> browser.loaded(image));
        assertThat(browser.driver().findElement(By.id("header-avatar")).isDisplayed())
                .as("the header keeps the administrator's own look").isFalse();

        // the same login cannot have two accounts; a blank name is refused beside its field
        browser.open("/users", "Users");
        browser.driver().findElement(By.id("new-last-name")).sendKeys("Second");
        browser.driver().findElement(By.id("new-email")).sendKeys("second." + email);
        browser.driver().findElement(By.id("new-subject")).sendKeys(subject);
        browser.driver().findElement(By.xpath("//button[normalize-space()='Create user']")).click();
        browser.text(By.id("new-first-name-error"), "must not be blank");
        browser.driver().findElement(By.id("new-first-name")).sendKeys("Another");
        browser.driver().findElement(By.xpath("//button[normalize-space()='Create user']")).click();
        browser.text(By.id("new-subject-error"), "already the login of another account");
        assertThat(browser.driver().findElement(By.cssSelector("[data-slot=create-message]")).getText())
                .isEqualTo("Not created: the login subject already has an account.");
        assertThat(browser.driver().findElement(By.id("new-first-name-error")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("new-email")).getDomProperty("value"))
                .isEqualTo("second." + email);
    }

    @Test
    void anAdministratorRevokesAUsersTokenButCannotGenerateOne() throws Exception {
        Person user = accounts.register("Ken", familyName());
        String token = accounts.generateToken(user, 30);
        browser.open("/users?search=" + user.lastName(), "Users");
        browser.visible(By.linkText(user.name())).click();
        browser.text(TITLE, "Edit user: " + user.name());

        browser.value(TOKEN, "eoc_…" + token.substring(token.length() - 4));
        assertThat(browser.driver().findElements(By.xpath("//button[normalize-space()='Generate']")))
                .noneMatch(WebElement::isDisplayed);
        assertThat(browser.driver().findElement(By.cssSelector("fieldset[data-slot=expires-in]")).isDisplayed())
                .isFalse();
        assertThat(browser.visible(By.cssSelector("[data-slot=owner-only]")).getText())
                .isEqualTo("Only the account's owner can generate a token.");

        browser.visible(By.cssSelector("button[aria-label='Delete token']")).click();
        browser.visible(By.id("delete-token-dialog"))
                .findElement(By.xpath(".//button[normalize-space()='Confirm']")).click();
        browser.text(By.cssSelector("[data-slot=token-message]"), "The API token is deleted.");
        browser.value(TOKEN, "");
        assertThat(browser.driver().findElements(By.xpath("//button[normalize-space()='Generate']")))
                .noneMatch(WebElement::isDisplayed);
        assertThat(accounts.statusWithToken(token)).isEqualTo(401);
    }

    @Test
    void anAdministratorClosesAUsersAccountThenReopensIt() throws Exception {
        Person user = accounts.register("Lee", familyName());
        String token = accounts.generateToken(user, 30);
        browser.open("/users/" + user.id(), "Edit user: " + user.name());
        browser.text(By.cssSelector("[data-slot=open-text]"), "This account is open.");

        browser.visible(By.xpath("//button[normalize-space()='Close account']")).click();
        browser.visible(By.id("close-account-dialog"))
                .findElement(By.xpath(".//button[normalize-space()='Confirm']")).click();

        browser.text(By.cssSelector("[data-slot=status-message]"), "The account is closed.");
        assertThat(browser.visible(By.cssSelector("[data-slot=closed-text]")).getText())
                .startsWith("This account was closed on ");
        browser.value(TOKEN, "");
        assertThat(browser.driver().findElement(By.id("first-name")).isEnabled()).isFalse();
        assertThat(browser.driver().findElement(By.xpath("//button[normalize-space()='Save']")).isEnabled()).isFalse();
        assertThat(accounts.statusWithToken(token)).isEqualTo(401);
        browser.open("/users?search=" + user.lastName(), "Users");
        assertThat(browser.visible(USERS).getText()).contains("Account closed");

        browser.visible(By.linkText(user.name())).click();
        browser.visible(By.xpath("//button[normalize-space()='Reopen account']")).click();

        browser.text(By.cssSelector("[data-slot=status-message]"), "The account is reopened.");
        assertThat(browser.driver().findElement(By.id("first-name")).isEnabled()).isTrue();
        assertThat(browser.visible(By.xpath("//button[normalize-space()='Close account']")).isEnabled()).isTrue();
    }

    @Test
    void anAdministratorErasesAClosedUsersPersonalData() throws Exception {
        Person user = accounts.register("Eri", familyName());
        accounts.close(user);
        browser.open("/users/" + user.id(), "Edit user: " + user.name());

        browser.visible(By.xpath("//button[normalize-space()='Erase personal data']")).click();
        browser.visible(By.id("erase-account-dialog"))
                .findElement(By.xpath(".//button[normalize-space()='Confirm']")).click();

        browser.text(By.cssSelector("[data-slot=status-message]"), "The personal data is erased.");
        browser.text(TITLE, "Edit user: erased");
        assertThat(browser.visible(By.cssSelector("[data-slot=erased-text]")).getText())
                .startsWith("This account's personal data was erased on ");
        assertThat(browser.driver().findElements(By.xpath("//button[normalize-space()='Reopen account']")))
                .noneMatch(WebElement::isDisplayed);
        assertThat(browser.driver().findElement(By.id("email")).getDomProperty("value")).isEmpty();
        assertThat(accounts.view(user.id()).get("status").asString()).isEqualTo("ERASED");
    }

    @Test
    void theOwnerOfAClosedAccountIsToldSoOnSigningIn() throws Exception {
        Person user = accounts.register("Ros", familyName());
        accounts.close(user);

        browser.signIn(user.email());
        browser.open("/settings", "Account Settings");

        assertThat(browser.visible(By.cssSelector("main .notice")).getText())
                .isEqualTo("Your account is closed. An administrator can reopen it.");
    }

    /**
     * A view that has not reached the version asked for (here: one never written) is said to be
     * still updating, after one retry when the server's Retry-After says: no polling loop.
     */
    @Test
    void aViewThatStaysBehindIsSaidToBeUpdatingAfterOneRetry() throws Exception {
        Person user = accounts.register("Mary", familyName());
        String address = "/api/accounts/" + user.id() + "?minVersion=99";
        browser.open("/users/" + user.id() + "?minVersion=99", "Still updating");
        assertThat(browser.visible(By.cssSelector("main [role=alert]")).getText())
                .contains("still updating");
        assertThat(browser.requests(address)).containsExactly(browser.url(address), browser.url(address));

        browser.driver().findElement(By.xpath("//main//button[normalize-space()='Try again']")).click();
        browser.text(TITLE, "Edit user: " + user.name());
    }

    private List<String> names() {
        return browser.driver().findElements(USERS).stream()
                .map(item -> item.findElement(By.tagName("a")).getText())
                .toList();
    }

    /** A family name no other test uses, so that a search finds exactly this test's users. */
    private static String familyName() {
        Random random = new Random();
        StringBuilder name = new StringBuilder("Q");
        for (int i = 0; i < 7; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }
}
