package com.eoc.accounts.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for one test class, driven through the system's own chromedriver (given
 * explicitly, so Selenium never looks for or downloads one), in front of the running system's
 * {@code web} application.
 *
 * <p>Registered as a JUnit extension: without Chromium the class is skipped, with one line that
 * says how to install it; a failed test leaves its screenshot, the page and the browser's
 * console log under {@code target/browser/}.
 */
final class Browser implements ExecutionCondition, BeforeAllCallback, AfterEachCallback, AfterAllCallback, TestWatcher {

    /** Debian's packages; elsewhere name them with -Dchromium.binary= and -Dchromium.driver=. */
    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));
    static final String INSTALL = "Browser tests skipped: Chromium is not installed here"
            + " (apt-get install -y chromium chromium-driver)";
    /** What the local identity provider takes as everyone's password. */
    static final String PASSWORD = "local";

    private static final AtomicBoolean TOLD = new AtomicBoolean();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private RunningSystem system;
    private Application web;
    private Path profile;
    private ChromeDriver driver;
    private WebDriverWait wait;
    /** What the browser's console said during the last test (read once: reading empties it). */
    private List<LogEntry> console = List.of();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        if (TOLD.compareAndSet(false, true)) {
            System.out.println(INSTALL);
        }
        return ConditionEvaluationResult.disabled(INSTALL);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        system = RunningSystem.get();
        web = system.web();
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    /**
     * A script error or a refusal by the Content Security Policy fails the test, whatever it
     * asserted: the page must work under {@code default-src 'self'}.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        console = driver.manage().logs().get(LogType.BROWSER).getAll();
        List<String> broken = console.stream()
                .map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Uncaught"))
                .toList();
        if (!broken.isEmpty()) {
            throw new AssertionError("the page's console reports errors: " + broken);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            screenshot(name + ".png");
            Files.writeString(output().resolve(name + ".html"), driver.getPageSource());
            Files.writeString(output().resolve(name + "-console.log"), "page: " + driver.getCurrentUrl() + "\n"
                    + console.stream().map(LogEntry::toString).collect(Collectors.joining("\n")) + "\n");
        } catch (RuntimeException | IOException e) {
            cause.addSuppressed(e);
        }
    }

    RunningSystem system() {
        return system;
    }

    WebDriver driver() {
        return driver;
    }

    String url(String path) {
        return web.baseUrl() + path;
    }

    /**
     * Signs in as a person does: the page sends an unknown visitor to the identity provider's
     * form, which takes the user name (an account's email address, or {@code admin}) and the
     * password; then the page shows the signed-in user's avatar button.
     */
    void signIn(String username) {
        driver.manage().deleteAllCookies();
        driver.get(url("/"));
        WebElement user = visible(By.name("username"));
        user.sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
        visible(By.id("account-button"));
    }

    /**
     * Opens a screen of the page by its address, as a bookmark would, and waits for its title (the
     * page may already be open: then only the fragment changes and the screen follows).
     */
    void open(String fragment, String title) {
        driver.get(url("/#" + fragment));
        text(By.cssSelector("main h1"), title);
    }

    WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void gone(By locator) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Waits until the element's text contains {@code text}; answers the element. */
    WebElement text(By locator, String text) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "waiting for \"" + text + "\" in " + locator + ", found: "
                        + driver.findElements(locator).stream().map(WebElement::getText).toList())
                .until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return driver.findElement(locator);
    }

    /** Waits until the field's value is {@code value}; answers the field. */
    WebElement value(By locator, String value) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "waiting for the value \"" + value + "\" in " + locator + ", found: "
                        + driver.findElements(locator).stream().map(e -> e.getDomProperty("value")).toList())
                .until(ExpectedConditions.domPropertyToBe(driver.findElement(locator), "value", value));
        return driver.findElement(locator);
    }

    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The element that has the keyboard focus. */
    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Whether the image has been loaded and decoded (a broken image has no natural width). */
    boolean loaded(WebElement image) {
        return Boolean.TRUE.equals(script(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image));
    }

    /** The addresses of the page's requests (resource timing) that contain {@code part}. */
    @SuppressWarnings("unchecked")
    List<String> requests(String part) {
        return ((List<String>) script("return performance.getEntriesByType('resource').map(e => e.name)"))
                .stream().filter(name -> name.contains(part)).toList();
    }

    void screenshot(String fileName) throws IOException {
        Path file = output().resolve(fileName);
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    static Path output() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("browser.output", "target/browser")));
    }
}
