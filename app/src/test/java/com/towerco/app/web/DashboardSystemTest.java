package com.towerco.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.towerco.testing.KafkaExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (headless Chromium driven by Selenium) on a running platform
 * fed by the simulator: a NOC operator logs in, sees a fault injected through the simulator's
 * API appear live on the fleet page (no reload), opens the resulting incident and acknowledges
 * it; a tenant user cannot see another tenant's site. Screenshots of every step are saved in
 * {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardSystemTest {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  private static final Path SHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static RunningPlatform platform;
  private static ChromeDriver browser;

  @BeforeAll
  static void startThePlatformAndABrowser() throws IOException {
    Chromium.ensureInstalled();
    Files.createDirectories(SHOTS);
    platform = RunningPlatform.start(kafka, kafka.dataDir().resolve("platform"), Map.of());
    browser = Chromium.start(Files.createTempDirectory("chromium-profile-"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  @Order(1)
  void aNocOperatorSeesAnInjectedFaultLiveAndAcknowledgesItsIncident() {
    String site = platform.ownSite;
    browser.get(platform.baseUrl() + "/");
    assertThat(browser.getCurrentUrl()).as("a page without a session goes to the login")
        .contains("/login");
    shot("01-login");
    logIn("noc", "noc-pw");
    waitFor(d -> "live".equals(d.findElement(By.id("live")).getText())
        && d.findElements(By.cssSelector(".tile")).size() == 6);
    shot("02-fleet");

    js("window.__samepage = true;");
    long injectedAt = System.currentTimeMillis();
    Object status = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('/api/v1/simulator/faults', {method: 'POST', body: arguments[0]})"
            + ".then(r => done(r.status)).catch(e => done(String(e)));",
        "door-open:" + site + "@0+10m");
    assertThat(status).isEqualTo(201L);
    waitFor(d -> !d.findElements(By.cssSelector(".tile[data-site='" + site + "'] .badge"))
        .isEmpty());
    long seenAfter = System.currentTimeMillis() - injectedAt;
    assertThat(js("return window.__samepage === true;")).as("shown live, without a reload")
        .isEqualTo(true);
    System.out.printf("fault injected at %s appeared on the fleet page after %d ms%n", site,
        seenAfter);
    shot("03-fault-appears-live");

    browser.get(platform.baseUrl() + "/#/alerts");
    waitFor(d -> !d.findElements(By.cssSelector("#alerts tr[data-site='" + site + "']"))
        .isEmpty());
    shot("04-alerts");

    browser.get(platform.baseUrl() + "/#/incidents");
    By incidentRow = By.cssSelector("#incidents tr[data-sites~='" + site + "']");
    waitFor(d -> !d.findElements(incidentRow).isEmpty());
    // The list is live: a row can be re-rendered between finding and clicking it.
    act(d -> d.findElement(incidentRow).click());
    waitFor(d -> text(d, "incident-status").equals("open")
        && d.findElement(By.id("ack")).isEnabled());
    shot("05-incident");
    act(d -> {
      d.findElement(By.id("ack-comment")).clear();
      d.findElement(By.id("ack-comment")).sendKeys("on it: checking the door camera");
      d.findElement(By.id("ack")).click();
    });
    waitFor(d -> text(d, "incident-status").equals("acknowledged"));
    assertThat(text(browser, "action-result")).startsWith("Done: acknowledged");
    waitFor(d -> d.findElement(By.id("timeline")).getText().contains("acknowledged"));
    shot("06-acknowledged");

    act(d -> {
      d.findElement(By.id("resolution")).sendKeys("x");
      js("document.getElementById('resolution').value = '';");
      d.findElement(By.id("resolve")).click();
    });
    assertThat(text(browser, "action-result")).as("input is checked in the browser")
        .isEqualTo("Resolution is required");

    browser.get(platform.baseUrl() + "/#/site/" + site);
    waitFor(d -> d.findElements(By.cssSelector("#charts .chart")).size() >= 3);
    shot("07-site-detail");
    js("document.getElementById('charts').scrollIntoView();");
    shot("07b-site-charts");
    browser.get(platform.baseUrl() + "/#/platform");
    waitFor(d -> !d.findElements(By.cssSelector("#platform-health tr[data-service]")).isEmpty());
    shot("08-platform-health");
    browser.get(platform.baseUrl() + "/api/docs");
    waitFor(d -> d.findElements(By.cssSelector(".swagger-ui .opblock")).size() > 50);
    shot("08b-api-docs");
  }

  @Test
  @Order(2)
  void aTenantUserCannotSeeAnotherTenantsSite() {
    browser.manage().deleteAllCookies();
    browser.get(platform.baseUrl() + "/login");
    logIn(RunningPlatform.OWN, RunningPlatform.OWN + "-pw");
    waitFor(d -> !d.findElements(By.cssSelector(".tile")).isEmpty());
    assertThat(browser.findElements(By.cssSelector(".tile[data-site='" + platform.ownSite + "']")))
        .hasSize(1);
    assertThat(browser.findElements(
        By.cssSelector(".tile[data-site='" + platform.foreignSite + "']"))).isEmpty();
    assertThat(browser.findElement(By.id("platform-nav")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.id("user-name")).getText()).contains("altel");
    shot("09-tenant-fleet");

    browser.get(platform.baseUrl() + "/#/site/" + platform.foreignSite);
    waitFor(d -> !d.findElements(By.id("page-error")).isEmpty());
    assertThat(text(browser, "page-error"))
        .isEqualTo("Cannot load: site " + platform.foreignSite + " not found");
    shot("10-tenant-refused-foreign-site");

    browser.get(platform.baseUrl() + "/#/sla");
    waitFor(d -> !d.findElements(By.id("sla-tenant")).isEmpty());
    List<WebElement> tenants = browser.findElements(By.cssSelector("#sla-tenant option"));
    assertThat(tenants).extracting(WebElement::getText).containsExactly(RunningPlatform.OWN);
    shot("11-tenant-sla");
  }

  private static void logIn(String user, String password) {
    waitFor(d -> !d.findElements(By.id("username")).isEmpty());
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("submit")).click();
    waitFor(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** Does {@code action}, again if the live page re-rendered an element under it. */
  private static void act(java.util.function.Consumer<WebDriver> action) {
    waitFor(d -> {
      action.accept(d);
      return true;
    });
  }

  /** Waits for {@code condition}; when it never holds, the page's text and a screenshot say why. */
  private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
    try {
      new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.NoSuchElementException.class)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(condition::apply);
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("failed-at-" + System.currentTimeMillis());
      throw new AssertionError("waited " + WAIT.toSeconds() + " s at " + browser.getCurrentUrl()
          + "; the page showed:\n" + browser.findElement(By.tagName("body")).getText(), e);
    }
  }

  private static String text(WebDriver d, String id) {
    return d.findElement(By.id(id)).getText().trim();
  }

  private static Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private static void shot(String name) {
    try {
      Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
