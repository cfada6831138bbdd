package cn.gov.wenzhou.kjj.devstack.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Debian's Chromium driven through Debian's chromedriver, headless, with a fresh profile and every background
 * connection off (our machines reach no outside host). One browser for the whole suite. A missing browser fails the
 * suite with the command that installs it: the journeys never skip.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of(System.getProperty("stb.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("stb.browser.chromedriver", "/usr/bin/chromedriver"));
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Browser shared;

    private final WebDriver driver;

    private Browser(WebDriver driver) {
        this.driver = driver;
    }

    public static synchronized Browser shared() {
        if (shared == null) {
            shared = open();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.driver::quit, "browser-quit"));
        }
        return shared;
    }

    private static Browser open() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new AssertionError(binary + " is missing: the browser journeys need Debian's Chromium and "
                        + "its driver. Install them with .ci/install-browser.sh (apt-get install chromium "
                        + "chromium-driver); .ci/run does this before ./mvnw -B verify.");
            }
        }
        try {
            Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-dev-shm-usage", "--disable-default-apps",
                    "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1400,1100", "--lang=zh-CN");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(Path.of("target", "browser-stack", "chromedriver.log").toFile())
                    .build();
            Files.createDirectories(Path.of("target", "browser-stack"));
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PATIENCE);
            return new Browser(driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement find(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public <T> T until(Function<WebDriver, T> condition) {
        // the record on a platform's page is swapped by htmx while it follows the registry: look again
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** The text of a visible element, read again if the element was replaced between finding and reading it. */
    public String text(By by) {
        return until(d -> {
            WebElement element = d.findElement(by);
            return element.isDisplayed() ? element.getText() : null;
        });
    }

    /**
     * Signs in as a demo user of the issuer (password {@code <username>-pw}) from the console's sign-in page, after
     * forgetting any earlier user's sessions at the console and the issuer.
     */
    public void signIn(BrowserStack stack, String username) {
        forgetSessions(stack);
        open(stack.consoleUrl() + "/");
        find(By.id("sign-in")).click();
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(username + "-pw");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        until(ExpectedConditions.urlContains(stack.consoleUrl()));
        find(By.cssSelector("header .who"));
    }

    /**
     * Clicks something that loads a new page and waits until the new page is there. The old page is marked and the
     * wait is for a loaded document without the mark: asking the old page's element whether it went stale races the
     * navigation (Chromium answers "node does not belong to the document", which Selenium does not count as stale).
     */
    public void clickAndWaitForPage(By by) {
        String mark = Long.toHexString(System.nanoTime());
        ((JavascriptExecutor) driver).executeScript("document.documentElement.dataset.stbLeaving = arguments[0];",
                mark);
        find(by).click();
        until(d -> {
            try {
                return Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return document.readyState === 'complete'"
                                + " && document.documentElement.dataset.stbLeaving !== arguments[0];", mark));
            } catch (WebDriverException navigating) {
                return false;
            }
        });
        find(By.tagName("main"));
    }

    public void type(By by, String text) {
        WebElement field = find(by);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a date field the way a date picker does (typing into one depends on the browser's locale). */
    public void setDate(By by, String isoDate) {
        WebElement field = find(by);
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", field,
                isoDate);
    }

    public void select(By by, String value) {
        new org.openqa.selenium.support.ui.Select(find(by)).selectByValue(value);
    }

    /** Reloads the page until the condition holds: data the demo loads in the background, or a view catching up. */
    public void reloadUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(120), Duration.ofSeconds(2)).until(d -> {
            if (Boolean.TRUE.equals(condition.apply(d))) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
    }

    public void forgetSessions(BrowserStack stack) {
        for (String origin : List.of(stack.issuerUrl(), stack.consoleUrl())) {
            open(origin + "/actuator/health");
            driver.manage().deleteAllCookies();
        }
    }

    /** The page as a person sees it, kept under target/ for review. */
    public void screenshot(String name) {
        try {
            Path directory = Path.of(System.getProperty("stb.browser.screenshots", "target/browser-screenshots"));
            Files.createDirectories(directory);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, directory.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
