package com.eoc.accounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.eoc.accounts.system.Accounts.Person;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

/**
 * The Account Settings screen in Chromium, as an ordinary user meets it: signed in through the
 * local identity provider's form, against the web application in front of both sides. Each test
 * is a person of their own; what is asserted is what the person sees.
 */
@Tag("browser")
class AccountSettingsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final By ACCOUNT_BUTTON = By.id("account-button");
    private static final By MENU = By.id("account-menu");
    private static final By TITLE = By.cssSelector("main h1");
    private static final By FIRST_NAME = By.id("first-name");
    private static final By LAST_NAME = By.id("last-name");
    private static final By EMAIL = By.id("email");
    private static final By SAVE = By.cssSelector("[data-slot=save]");
    private static final By DETAILS_MESSAGE = By.cssSelector("[data-slot=details-message]");
    private static final By AVATAR = By.cssSelector("main img[data-slot=avatar]");
    private static final By HEADER_AVATAR = By.id("header-avatar");
    private static final By AVATAR_FILE = By.id("avatar-file");
    private static final By AVATAR_MESSAGE = By.cssSelector("[data-slot=avatar-message]");
    private static final By EXPIRES_IN = By.cssSelector("fieldset[data-slot=expires-in]");
    private static final By GENERATE = By.cssSelector("[data-slot=generate]");
    private static final By TOKEN = By.id("api-token");
    private static final By COPY = By.cssSelector("[data-slot=copy]");
    private static final By NOTICE = By.id("token-notice");
    private static final By CREATED = By.cssSelector("time[data-slot=created]");
    private static final By EXPIRES = By.cssSelector("time[data-slot=expires]");
    private static final By WARNING = By.cssSelector("[data-slot=expiry-warning]");
    private static final By DELETE = By.cssSelector("button[aria-label='Delete token']");
    private static final By DIALOG = By.id("delete-token-dialog");
    private static final By TOKEN_MESSAGE = By.cssSelector("[data-slot=token-message]");

    private static Accounts accounts;

    @BeforeAll
    static void accounts() {
        accounts = new Accounts(browser.system());
    }

    /** Step 1: the avatar in the upper right opens a menu with Account Settings, by mouse and by keyboard. */
    @Test
    void theAvatarInTheUpperRightOpensAMenuWithAccountSettings() throws Exception {
        Person ada = accounts.register("Ada", "Lovelace");
        browser.signIn(ada.email());

        WebElement button = browser.visible(ACCOUNT_BUTTON);
        int width = ((Long) browser.script("return document.documentElement.clientWidth")).intValue();
        Rectangle place = button.getRect();
        assertThat(place.getX() + place.getWidth()).as("right edge").isGreaterThan(width - 40);
        assertThat(place.getY()).as("top").isLessThan(40);
        assertThat(button.getText()).as("initials while there is no image").isEqualTo("AL");
        assertThat(button.getAccessibleName()).contains("Ada Lovelace");
        assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.driver().findElement(MENU).isDisplayed()).isFalse();

        button.click();
        assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.visible(MENU).findElements(By.cssSelector("[role=menuitem]")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText))
                .as("an ordinary user has no Users screen")
                .containsExactly("Account Settings", "Sign out");
        assertThat(browser.focused().getText()).isEqualTo("Account Settings");
        browser.focused().sendKeys(Keys.ESCAPE);
        browser.gone(MENU);
        assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
        assertThat(browser.focused()).isEqualTo(button);

        button.sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.focused().getText()).isEqualTo("Account Settings");
        browser.focused().sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.focused().getText()).isEqualTo("Sign out");
        browser.focused().sendKeys(Keys.ARROW_DOWN);
        assertThat(browser.focused().getText()).as("wraps around").isEqualTo("Account Settings");
        browser.focused().sendKeys(Keys.ENTER);

        browser.text(TITLE, "Account Settings");
        assertThat(browser.focused().getText()).as("focus moves to the new screen").isEqualTo("Account Settings");
        browser.value(FIRST_NAME, "Ada");
        assertThat(browser.driver().findElement(LAST_NAME).getDomProperty("value")).isEqualTo("Lovelace");
        assertThat(browser.driver().findElement(EMAIL).getDomProperty("value")).isEqualTo(ada.email());

        button.click();
        browser.visible(By.xpath("//*[@id='account-menu']//*[normalize-space()='Sign out']")).click();
        browser.visible(By.name("username"));
        browser.driver().get(browser.url("/session"));
        assertThat(browser.driver().getPageSource()).as("signed out").doesNotContain(ada.id());
    }

    /** Every field has a label, the keyboard reaches every control, and 360 px are enough. */
    @Test
    void everyFieldIsLabelledTheKeyboardReachesEverythingAnd360PixelsAreEnough() throws Exception {
        Person alan = accounts.register("Alan", "Turing");
        browser.signIn(alan.email());
        openAccountSettings();

        List<String> unlabelled = browser.driver().findElements(By.cssSelector("main input")).stream()
                .filter(input -> input.getAccessibleName().isBlank())
                .map(input -> input.getDomAttribute("id"))
                .toList();
        assertThat(unlabelled).isEmpty();

        browser.driver().findElement(TITLE).click();
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            browser.focused().sendKeys(Keys.TAB);
            reached.add(browser.focused().getAccessibleName());
        }
        assertThat(reached).contains("First name", "Last name", "Email", "Save", "Edit Avatar", "Generate",
                "API token");
        assertThat(reached).anyMatch(name -> name.matches("\\d+ days?"));

        Dimension wide = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new Dimension(360, 800));
            browser.until(driver -> (Long) browser.script("return window.innerWidth") <= 400);
            assertThat((Long) browser.script("return document.documentElement.scrollWidth"))
                    .as("no sideways scrolling at 360 px")
                    .isLessThanOrEqualTo((Long) browser.script("return document.documentElement.clientWidth"));
            assertThat(browser.driver().findElement(SAVE).isDisplayed()).isTrue();
            assertThat(browser.driver().findElement(GENERATE).isDisplayed()).isTrue();
        } finally {
            browser.driver().manage().window().setSize(wide);
        }
    }

    /** Steps 2 and 7: Save sends only what changed, with If-Match, and the screen shows it at once. */
    @Test
    void saveSendsOnlyWhatChangedAndTheScreenShowsTheNewStateAtOnce() throws Exception {
        Person grace = accounts.register("Grace", "Hopper");
        browser.signIn(grace.email());
        openAccountSettings();

        retype(LAST_NAME, "Murray");
        browser.driver().findElement(SAVE).click();
        browser.text(DETAILS_MESSAGE, "Saved.");
        browser.until(driver -> driver.findElement(ACCOUNT_BUTTON).getAccessibleName().contains("Grace Murray"));
        assertThat(browser.driver().findElement(ACCOUNT_BUTTON).getText()).isEqualTo("GM");

        assertThat(accounts.eventTypes(grace.id())).as("one rename, no email change")
                .containsExactly("AccountRegistered", "UserRenamed");
        assertThat(accounts.view(grace.id()).get("lastName").asString()).isEqualTo("Murray");
        assertThat(browser.requests("/api/me?"))
                .as("the new state is read once, for the version the rename answered: no polling")
                .containsExactly(browser.url("/api/me?minVersion=1"));

        browser.driver().findElement(SAVE).click();
        browser.text(DETAILS_MESSAGE, "Nothing to save");
        assertThat(accounts.eventTypes(grace.id())).hasSize(2);

        // the session ends (its cookie is gone, the CSRF cookie stays): the next change sends the browser to sign in
        browser.driver().manage().deleteCookieNamed("SESSION");
        retype(FIRST_NAME, "Amazing Grace");
        browser.driver().findElement(SAVE).click();
        browser.visible(By.name("username"));
        assertThat(accounts.eventTypes(grace.id())).hasSize(2);
    }

    /** Step 2: the server's refusals show beside their fields and what was typed stays; 412 offers a reload. */
    @Test
    void refusalsShowBesideTheirFieldsWhatWasTypedStaysAndAChangeElsewhereOffersAReload() throws Exception {
        Person edsger = accounts.register("Edsger", "Dijkstra");
        Person other = accounts.register("Tony", "Hoare");
        browser.signIn(edsger.email());
        openAccountSettings();

        retype(FIRST_NAME, "");
        retype(LAST_NAME, "Typed");
        browser.driver().findElement(SAVE).click();
        browser.text(By.id("first-name-error"), "must not be blank");
        assertThat(browser.driver().findElement(FIRST_NAME).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.driver().findElement(LAST_NAME).getDomProperty("value")).isEqualTo("Typed");
        WebElement refused = browser.driver().findElement(DETAILS_MESSAGE);
        assertThat(refused.getText()).startsWith("Not saved");
        assertThat(refused.getDomAttribute("role")).as("announced at once").isEqualTo("alert");
        assertThat(browser.driver().findElement(FIRST_NAME).getDomAttribute("aria-describedby"))
                .as("the field's error is part of its description").isEqualTo("first-name-error");

        retype(FIRST_NAME, "Edsger");
        retype(LAST_NAME, "Dijkstra");
        retype(EMAIL, other.email());
        browser.driver().findElement(SAVE).click();
        browser.text(By.id("email-error"), "already used by another account");
        assertThat(browser.driver().findElement(EMAIL).getDomProperty("value")).isEqualTo(other.email());
        assertThat(browser.driver().findElement(By.id("first-name-error")).isDisplayed())
                .as("the earlier error is gone").isFalse();

        accounts.renameElsewhere(edsger, "Edsger W.", "Dijkstra");
        retype(EMAIL, edsger.email());
        retype(LAST_NAME, "Dijkstra-Typed");
        browser.driver().findElement(SAVE).click();
        browser.text(DETAILS_MESSAGE, "changed elsewhere");
        WebElement reload = browser.visible(By.cssSelector("[data-slot=stale] button"));
        assertThat(reload.getText()).isEqualTo("Reload");
        assertThat(browser.focused()).isEqualTo(reload);
        assertThat(browser.driver().findElement(LAST_NAME).getDomProperty("value")).isEqualTo("Dijkstra-Typed");
        assertThat(accounts.view(edsger.id()).get("lastName").asString()).as("nothing changed").isEqualTo("Dijkstra");

        reload.click();
        browser.value(FIRST_NAME, "Edsger W.");
        assertThat(browser.driver().findElement(LAST_NAME).getDomProperty("value")).isEqualTo("Dijkstra");
    }

    /**
     * Step 3: Edit Avatar picks a file; the new image shows in the screen and the header; refusals
     * keep the old one; Remove takes it away, and the initials show again.
     */
    @Test
    void editAvatarShowsTheNewImageEverywhereAndARefusedFileKeepsTheOldOne() throws Exception {
        Person barbara = accounts.register("Barbara", "Liskov");
        browser.signIn(barbara.email());
        openAccountSettings();

        browser.script("window.pickerOpened = false;"
                + " document.getElementById('avatar-file').addEventListener('click', event => {"
                + " window.pickerOpened = true; event.preventDefault(); })");
        browser.driver().findElement(By.xpath("//button[normalize-space()='Edit Avatar']")).click();
        assertThat(browser.script("return window.pickerOpened")).as("Edit Avatar opens the file picker").isEqualTo(true);

        retype(FIRST_NAME, "Barbara Jane");
        upload(Images.picture(300, 200));
        browser.text(AVATAR_MESSAGE, "The profile image is updated.");
        assertThat(browser.driver().findElement(FIRST_NAME).getDomProperty("value"))
                .as("a name being typed stays through the image's change").isEqualTo("Barbara Jane");
        WebElement image = browser.visible(AVATAR);
        browser.until(driver -> browser.loaded(image));
        WebElement header = browser.visible(HEADER_AVATAR);
        browser.until(driver -> browser.loaded(header));
        String shown = image.getDomProperty("src");
        assertThat(header.getDomProperty("src")).isEqualTo(shown);
        assertThat(shown).isEqualTo(browser.url(accounts.view(barbara.id()).get("avatarUrl").asString()));

        upload(Images.notAnImage());
        browser.text(AVATAR_MESSAGE, "not an image this screen accepts");
        assertOldImageStays(image, shown);

        upload(Images.bomb());
        browser.text(AVATAR_MESSAGE, "could not be used");
        assertThat(browser.driver().findElement(AVATAR_MESSAGE).getText()).contains("30000×30000");
        assertOldImageStays(image, shown);

        upload(Images.tooLarge(5 * 1024 * 1024 + 512 * 1024)); // above the 5 MiB a profile image may have
        browser.text(AVATAR_MESSAGE, "too large");
        assertOldImageStays(image, shown);
        assertThat(accounts.eventTypes(barbara.id())).containsExactly("AccountRegistered", "AvatarChanged");

        browser.driver().findElement(By.xpath("//button[normalize-space()='Remove']")).click();
        browser.text(AVATAR_MESSAGE, "The profile image is removed.");
        browser.gone(AVATAR);
        assertThat(browser.visible(By.cssSelector("[data-slot=initials]")).getText()).isEqualTo("BL");
        assertThat(browser.driver().findElement(By.xpath("//button[normalize-space()='Remove']")).isDisplayed())
                .isFalse();
        assertThat(accounts.view(barbara.id()).get("avatarUrl").isNull()).isTrue();
    }

    /**
     * Steps 4 and 5: the Expires In choices are the server's; Generate shows the token once, with
     * its dates and the notice; after a reload only the hint; while it lives, no Generate; a
     * token of 7 days does not warn at birth. Also writes the screenshot of the README.
     */
    @Test
    void aNewTokenIsShownOnceWithItsDatesThenOnlyItsHint() throws Exception {
        Person margaret = accounts.register("Margaret", "Hamilton");
        browser.signIn(margaret.email());
        openAccountSettings();
        upload(Images.picture(256, 256));
        browser.text(AVATAR_MESSAGE, "The profile image is updated.");

        JsonNode policy = accounts.tokenPolicy(margaret);
        List<String> offered = new ArrayList<>();
        policy.get("expiryChoices").forEach(days -> offered.add(days.asInt() + (days.asInt() == 1 ? " day" : " days")));
        WebElement expiresIn = browser.visible(EXPIRES_IN);
        assertThat(expiresIn.findElement(By.tagName("legend")).getText()).isEqualTo("Expires In");
        List<WebElement> radios = expiresIn.findElements(By.cssSelector("input[type=radio]"));
        assertThat(radios.stream().map(WebElement::getAccessibleName)).containsExactlyElementsOf(offered);
        assertThat(browser.driver().findElement(TOKEN).getDomProperty("value")).as("no token yet").isEmpty();
        assertThat(browser.driver().findElement(DELETE).isDisplayed()).isFalse();

        WebElement sevenDays = radios.stream().filter(radio -> "7".equals(radio.getDomProperty("value")))
                .findFirst().orElseThrow();
        sevenDays.click();
        browser.driver().findElement(GENERATE).click();

        WebElement field = browser.until(driver -> {
            WebElement token = driver.findElement(TOKEN);
            return token.getDomProperty("value").startsWith("eoc_") ? token : null;
        });
        String token = field.getDomProperty("value");
        assertThat(token).matches("eoc_[A-Za-z0-9]{38}");
        assertThat(browser.visible(COPY).getText()).isEqualTo("Copy");
        assertThat(browser.visible(NOTICE).getText()).contains("Copy this token now").contains("will not be shown again");
        JsonNode apiToken = accounts.view(margaret.id()).get("apiToken");
        assertThat(browser.visible(CREATED).getDomAttribute("datetime")).isEqualTo(apiToken.get("createdAt").asString());
        assertThat(browser.visible(EXPIRES).getDomAttribute("datetime")).isEqualTo(apiToken.get("expiresAt").asString());
        assertThat(browser.driver().findElement(CREATED).getText()).isNotBlank();
        assertThat(browser.driver().findElement(WARNING).isDisplayed()).as("a 7-day token does not warn at birth")
                .isFalse();
        assertThat(apiToken.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(browser.driver().findElement(GENERATE).isDisplayed()).as("one token at a time").isFalse();
        assertThat(browser.driver().findElement(EXPIRES_IN).isDisplayed()).isFalse();
        assertThat(accounts.statusWithToken(token)).as("the token shown is the real one").isEqualTo(200);
        assertThat(browser.requests("/api/me?"))
                .containsExactly(browser.url("/api/me?minVersion=1"), browser.url("/api/me?minVersion=2"));

        browser.driver().findElement(COPY).click();
        browser.text(TOKEN_MESSAGE, "The token is");
        assertThat(browser.script("return JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage})"
                + " + document.cookie")).asString().doesNotContain(token);

        WebElement header = browser.visible(HEADER_AVATAR);
        browser.until(driver -> browser.loaded(header));
        Dimension size = browser.driver().manage().window().getSize();
        try {
            // the whole screen, as tall as its content
            browser.driver().manage().window().setSize(new Dimension(1100, 1000));
            long chrome = (Long) browser.script("return window.outerHeight - window.innerHeight");
            long content = (Long) browser.script("return document.documentElement.scrollHeight");
            browser.driver().manage().window().setSize(new Dimension(1100, (int) (content + chrome)));
            browser.script("document.activeElement.blur()");
            browser.screenshot("account-settings.png");
        } finally {
            browser.driver().manage().window().setSize(size);
        }

        browser.driver().navigate().refresh();
        browser.text(TITLE, "Account Settings");
        String hint = token.substring(token.length() - 4);
        browser.value(TOKEN, "eoc_…" + hint);
        assertThat(browser.driver().getPageSource()).doesNotContain(token);
        assertThat(browser.driver().findElement(COPY).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(NOTICE).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(GENERATE).isDisplayed()).isFalse();
        assertThat(browser.visible(EXPIRES).getDomAttribute("datetime")).isEqualTo(apiToken.get("expiresAt").asString());
        assertThat(browser.visible(DELETE).getAccessibleName()).isEqualTo("Delete token");
    }

    /**
     * Step 5: a warning next to the expiration date when the token is close to expiring, and
     * "expired" once it has. Time is moved in the query side's view (the token's dates shift
     * back as passing days would), so the rule judged is the server's own.
     */
    @Test
    void aTokenCloseToExpiringWarnsNextToItsDateAndAnExpiredOneSaysSo() throws Exception {
        Person katherine = accounts.register("Katherine", "Johnson");
        accounts.generateToken(katherine, 30);
        browser.signIn(katherine.email());
        openAccountSettings();
        browser.visible(EXPIRES);
        assertThat(browser.driver().findElement(WARNING).isDisplayed()).isFalse();

        accounts.ageToken(katherine, 28);
        browser.driver().navigate().refresh();
        WebElement warning = browser.text(WARNING, "Expiring soon");
        assertThat(warning.getText()).contains("2 days left");
        WebElement dates = browser.driver().findElement(By.cssSelector("[data-slot=token-dates]"));
        assertThat(warning.findElement(By.xpath("..")).findElement(By.tagName("time")))
                .as("next to the expiration date").isEqualTo(dates.findElement(EXPIRES));
        assertThat(browser.driver().findElement(GENERATE).isDisplayed()).isFalse();

        accounts.ageToken(katherine, 3);
        browser.driver().navigate().refresh();
        browser.text(WARNING, "Expired");
        assertThat(browser.driver().findElement(DELETE).isDisplayed()).isTrue();
    }

    /**
     * Step 6: the trash bin asks first, reminding that a new token will be needed; Escape and
     * Cancel keep it, with focus kept in the dialog; Confirm deletes it, the field empties, and
     * Generate is offered again.
     */
    @Test
    void theTrashBinAsksForConfirmationThenDeletesTheToken() throws Exception {
        Person frances = accounts.register("Frances", "Allen");
        String token = accounts.generateToken(frances, 90);
        browser.signIn(frances.email());
        openAccountSettings();
        browser.value(TOKEN, "eoc_…" + token.substring(token.length() - 4));

        WebElement trash = browser.visible(DELETE);
        trash.click();
        WebElement dialog = browser.visible(DIALOG);
        assertThat(dialog.getText()).contains("A new API token will need to be generated for future calls");
        assertThat(browser.focused().getText()).isEqualTo("Cancel");
        for (int i = 0; i < 5; i++) {
            browser.focused().sendKeys(Keys.TAB);
            assertThat(isInside(browser.focused(), dialog)).as("focus stays in the dialog").isTrue();
        }
        browser.focused().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(isInside(browser.focused(), dialog)).isTrue();
        browser.focused().sendKeys(Keys.ESCAPE);
        browser.gone(DIALOG);
        assertThat(browser.focused()).as("focus back on the trash bin").isEqualTo(trash);
        assertThat(browser.driver().findElement(TOKEN).getDomProperty("value")).isNotEmpty();
        assertThat(accounts.statusWithToken(token)).isEqualTo(200);

        trash.sendKeys(Keys.ENTER);
        browser.visible(DIALOG).findElement(By.xpath(".//button[normalize-space()='Confirm']")).click();
        browser.text(TOKEN_MESSAGE, "The API token is deleted");
        browser.value(TOKEN, "");
        assertThat(browser.driver().findElement(DELETE).isDisplayed()).isFalse();
        assertThat(browser.visible(GENERATE).isDisplayed()).as("a new one can be generated").isTrue();
        assertThat(browser.driver().findElement(By.cssSelector("[data-slot=token-dates]")).isDisplayed()).isFalse();
        assertThat(accounts.statusWithToken(token)).as("refused from now on").isEqualTo(401);
        assertThat(accounts.view(frances.id()).get("apiToken").isNull()).isTrue();

        browser.driver().findElement(SAVE).click();
        browser.text(DETAILS_MESSAGE, "Nothing to save");
    }

    private void openAccountSettings() {
        browser.visible(ACCOUNT_BUTTON).click();
        browser.visible(By.xpath("//*[@id='account-menu']//*[normalize-space()='Account Settings']")).click();
        browser.text(TITLE, "Account Settings");
        browser.until(driver -> !driver.findElement(FIRST_NAME).getDomProperty("value").isEmpty());
    }

    private void retype(By field, String text) {
        WebElement input = browser.driver().findElement(field);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
    }

    /** What choosing the file in the picker does: the page's file input gets it. */
    private void upload(Path file) {
        browser.driver().findElement(AVATAR_FILE).sendKeys(file.toAbsolutePath().toString());
    }

    private void assertOldImageStays(WebElement image, String shown) {
        assertThat(image.getDomProperty("src")).isEqualTo(shown);
        assertThat(browser.loaded(image)).isTrue();
        assertThat(browser.loaded(browser.driver().findElement(HEADER_AVATAR))).isTrue();
    }

    private static boolean isInside(WebElement element, WebElement container) {
        return Boolean.TRUE.equals(browser.script("return arguments[1].contains(arguments[0])", element, container));
    }
}
