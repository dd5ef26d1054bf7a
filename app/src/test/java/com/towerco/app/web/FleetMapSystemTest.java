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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The NOC fleet map in headless Chromium against the whole platform with a simulated fleet at
 * the realistic cadence (one reading per site per 10 s, random faults): the page renders the
 * fleet in under 2 s, the page's own work per live batch stays in the frame budget while updates
 * flow, and a hub failure injected through the simulator's API is drawn on the map within 5 s.
 * The default fleet is small so the build stays quick; {@code -Dfleet.sites=5000} runs the
 * issue's size (see README, "Fleet scale"). Screenshots go to {@code target/screenshots}.
 */
class FleetMapSystemTest {
  @RegisterExtension
  static final KafkaExtension kafka = new KafkaExtension();

  static final int SITES = Integer.getInteger("fleet.sites", 200);
  /**
   * The frame budget: the page's own work for one live batch (apply it; redraw counts, pinned
   * incidents and list) and one map draw take under one 60 Hz frame at the median, and under
   * 100 ms at p95 (the machine is a shared 2-core box; the numbers are printed).
   */
  static final double FRAME_MS = 1000.0 / 60;
  static final double P95_BUDGET_MS = 100;
  static final long RENDER_BUDGET_MS = 2_000;
  static final long HUB_FAILURE_BUDGET_MS = 5_000;
  static final String HUB = "S0001";

  private static final Path SHOTS = Path.of("target", "screenshots");
  private static RunningPlatform platform;
  private static ChromeDriver browser;

  @BeforeAll
  static void startThePlatformAndABrowser() throws IOException {
    Chromium.ensureInstalled();
    Files.createDirectories(SHOTS);
    platform = RunningPlatform.start(kafka, kafka.dataDir().resolve("platform"), Map.of(
        "simulator.regions", "4", "simulator.sites-per-hub", "10", "simulator.rate", "0.1",
        "simulator.random-faults-per-hour", Integer.toString(Math.max(60, SITES / 5))), SITES);
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
  void theFleetMapRendersQuicklyStaysLiveAndShowsAHubFailureWithinFiveSeconds() {
    browser.get(platform.baseUrl() + "/login");
    logIn("noc", "noc-pw");
    browser.get(platform.baseUrl() + "/ui/noc.html");
    waitFor(d -> "true".equals(js("return document.body.dataset.rendered || null;")));
    double renderMs = number(js("return NOC.fleetStats.firstRenderMs;"));
    assertThat(browser.findElement(By.id("fleet-count")).getText())
        .isEqualTo(Integer.toString(SITES));
    assertThat(browser.findElements(By.cssSelector("#site-list .vrow")))
        .as("the list is virtualised: only the rows in view exist").hasSizeLessThan(80)
        .isNotEmpty();
    shot("fleet-01-map-" + SITES);

    // updates flow for a while: measure frames and the page's own work per batch
    @SuppressWarnings("unchecked")
    Map<String, Object> frames = (Map<String, Object>) ((JavascriptExecutor) browser)
        .executeAsyncScript("""
            const done = arguments[arguments.length - 1];
            const gaps = []; let last = performance.now(); const end = last + 10000;
            const b0 = NOC.fleetStats.batches;
            function tick(t) { gaps.push(t - last); last = t;
              if (t < end) requestAnimationFrame(tick); else {
                const s = (a) => a.slice().sort((x, y) => x - y);
                const g = s(gaps), w = s(NOC.fleetStats.batchMs), m = s(NOC.fleetStats.map.drawMs);
                const p = (a, q) => a.length ? a[Math.min(a.length - 1, Math.floor(a.length * q))] : 0;
                done({frames: gaps.length, frameP50: p(g, .5), frameP95: p(g, .95),
                  frameMax: p(g, 1), batches: NOC.fleetStats.batches - b0,
                  batchP50: p(w, .5), batchP95: p(w, .95), batchMax: p(w, 1),
                  draws: m.length, drawP50: p(m, .5), drawP95: p(m, .95), drawMax: p(m, 1)});
              } }
            requestAnimationFrame(tick);
            """);
    System.out.printf("fleet map, %d sites: first render %.0f ms; over 10 s: %s%n", SITES,
        renderMs, frames);
    assertThat(number(frames.get("batches"))).as("live batches arrived").isPositive();
    assertThat(renderMs).as("first render (ms)").isLessThan(RENDER_BUDGET_MS);
    assertThat(number(frames.get("batchP50"))).as("page work per batch, median (ms)")
        .isLessThan(FRAME_MS);
    assertThat(number(frames.get("drawP50"))).as("map draw, median (ms)").isLessThan(FRAME_MS);
    assertThat(number(frames.get("batchP95"))).as("page work per batch, p95 (ms)")
        .isLessThan(P95_BUDGET_MS);
    assertThat(number(frames.get("drawP95"))).as("map draw, p95 (ms)")
        .isLessThan(P95_BUDGET_MS);

    List<String> behind = sitesBehindHub();
    assertThat(behind).as("sites behind hub " + HUB).isNotEmpty();
    long injectedAt = System.currentTimeMillis();
    Object status = ((JavascriptExecutor) browser).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch('/api/v1/simulator/faults', {method: 'POST', body: arguments[0]})"
            + ".then(r => done(r.status)).catch(e => done(String(e)));",
        "hub-failure:" + HUB + "@0+10m");
    assertThat(status).isEqualTo(201L);
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> behind.stream().allMatch(
        id -> "unreachable".equals(js("return NOC.fleetStats.drawnState(arguments[0]);", id))));
    long seenAfter = System.currentTimeMillis() - injectedAt;
    System.out.printf("hub failure at %s (%d sites behind it) drawn on the map after %d ms%n",
        HUB, behind.size(), seenAfter);
    shot("fleet-02-hub-failure-" + SITES);
    assertThat(seenAfter).as("hub failure on the map (ms)").isLessThan(HUB_FAILURE_BUDGET_MS);

    js("document.getElementById('search').value = arguments[0];"
        + "document.getElementById('search').dispatchEvent(new Event('input'));", HUB);
    waitFor(d -> !d.findElements(By.cssSelector("#site-list .vrow[data-site='" + HUB + "']"))
        .isEmpty());
    shot("fleet-03-search-" + SITES);
  }

  @Test
  void aTenantUserSeesOnlyItsOwnSitesOnTheMap() {
    ChromeDriver tenant = Chromium.start(tempDir());
    try {
      tenant.get(platform.baseUrl() + "/login");
      new WebDriverWait(tenant, Duration.ofSeconds(60))
          .until(d -> !d.findElements(By.id("username")).isEmpty());
      tenant.findElement(By.id("username")).sendKeys(RunningPlatform.OWN);
      tenant.findElement(By.id("password")).sendKeys(RunningPlatform.OWN + "-pw");
      tenant.findElement(By.id("submit")).click();
      new WebDriverWait(tenant, Duration.ofSeconds(60))
          .until(d -> !d.getCurrentUrl().contains("/login"));
      tenant.get(platform.baseUrl() + "/ui/noc.html");
      new WebDriverWait(tenant, Duration.ofSeconds(60)).until(d -> "true".equals(
          ((JavascriptExecutor) d).executeScript("return document.body.dataset.rendered || null;")));
      int own = platform.altel.get("/api/v1/sites").json().path("count").asInt();
      assertThat(tenant.findElement(By.id("fleet-count")).getText())
          .isEqualTo(Integer.toString(own));
      assertThat(own).isLessThan(SITES);
      Object foreignTenants = ((JavascriptExecutor) tenant).executeScript(
          "return [...document.querySelectorAll('#by-tenant tr[data-tenant]')]"
              + ".map(r => r.dataset.tenant);");
      assertThat(foreignTenants).isEqualTo(List.of(RunningPlatform.OWN));
      Files.write(SHOTS.resolve("fleet-04-tenant-" + SITES + ".png"),
          tenant.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      tenant.quit();
    }
  }

  private static List<String> sitesBehindHub() {
    @SuppressWarnings("unchecked")
    List<String> ids = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch('/api/v1/fleet').then(r => r.json()).then(f => done(f.sites
          .filter(s => s.hub_site_id === arguments[0] && s.site_id !== arguments[0])
          .map(s => s.site_id)));
        """, HUB);
    return ids;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("chromium-profile-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void logIn(String user, String password) {
    waitFor(d -> !d.findElements(By.id("username")).isEmpty());
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("submit")).click();
    waitFor(d -> !d.getCurrentUrl().contains("/login"));
  }

  private static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(condition::apply);
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  private static void shot(String name) {
    try {
      Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
