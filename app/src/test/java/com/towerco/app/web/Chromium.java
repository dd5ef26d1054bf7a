package com.towerco.app.web;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its ChromeDriver for browser tests. If either is missing the
 * setup installs them ({@code apt-get install -y chromium chromium-driver}, as root); if that
 * fails the test fails and says why, it is never skipped.
 */
final class Chromium {
  static final Path BROWSER = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  static void ensureInstalled() {
    if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
      return;
    }
    String out = run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y",
        "--no-install-recommends", "chromium", "chromium-driver"));
    if (!Files.isExecutable(DRIVER)) {
      out += run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "update"));
      out += run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=300", "install", "-y",
          "--no-install-recommends", "chromium", "chromium-driver"));
    }
    if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
      throw new IllegalStateException("this test needs Debian's chromium and chromium-driver "
          + "(" + BROWSER + ", " + DRIVER + "); installing them failed (run as root: apt-get "
          + "install -y chromium chromium-driver):\n" + out);
    }
  }

  /** A headless browser with a fresh profile in {@code profile}. */
  static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1440,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    return driver;
  }

  private static String run(List<String> command) {
    try {
      Path log = Files.createTempFile("apt-", ".log");
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!p.waitFor(15, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return String.join(" ", command) + ": timed out\n";
      }
      String text = Files.readString(log, StandardCharsets.UTF_8);
      new File(log.toString()).delete();
      return String.join(" ", command) + " (exit " + p.exitValue() + "):\n"
          + (text.length() > 4000 ? text.substring(text.length() - 4000) : text);
    } catch (IOException e) {
      return String.join(" ", command) + ": " + e + "\n";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted\n";
    }
  }
}
