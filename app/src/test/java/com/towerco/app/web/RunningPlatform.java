package com.towerco.app.web;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.towerco.app.PlatformProcess;
import com.towerco.app.Services;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.http.auth.LoginGuard;
import com.towerco.platform.http.auth.PasswordHasher;
import com.towerco.platform.http.auth.SessionGenerations;
import com.towerco.platform.http.auth.SessionTokens;
import com.towerco.platform.http.auth.TokenAuthenticator;
import com.towerco.platform.http.auth.UserAccount;
import com.towerco.platform.http.auth.UserDirectory;
import com.towerco.platform.runtime.ServiceFactory;
import com.towerco.platform.runtime.ServiceSettings;
import com.towerco.simulator.SimulatorServiceFactory;
import com.towerco.testing.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform in one process for the web tests: every service and the simulator (a small
 * paced fleet of two tenants, altel and kora), on the test's broker, with token authentication
 * and three users: {@code noc} (operator), {@code altel} and {@code kora} (tenant users), each
 * with password {@code <name>-pw}. It also finds a site of each tenant that the other tenant has
 * no tenancy on.
 */
final class RunningPlatform implements AutoCloseable {
  static final String OWN = "altel";
  static final String FOREIGN = "kora";

  final PlatformProcess process;
  final ApiClient noc;
  final ApiClient altel;
  final ApiClient kora;
  final ApiClient anonymous;
  final String ownSite;
  final String foreignSite;
  final String ownRegion;

  private RunningPlatform(PlatformProcess process, int expectedSites) {
    this.process = process;
    String base = "http://localhost:" + process.httpPort();
    this.anonymous = ApiClient.anonymous(base);
    this.noc = ApiClient.login(base, "noc", "noc-pw");
    this.altel = ApiClient.login(base, OWN, OWN + "-pw");
    this.kora = ApiClient.login(base, FOREIGN, FOREIGN + "-pw");
    await().atMost(Duration.ofSeconds(90 + expectedSites / 20)).pollInterval(Duration.ofMillis(
        expectedSites > 100 ? 1_000 : 100)).until(() -> {
          JsonNode fleet = noc.get("/api/v1/sites").json();
          return fleet.path("sites").size() == expectedSites && allReporting(fleet);
        });
    JsonNode sites = noc.get("/api/v1/sites").json().path("sites");
    this.ownSite = onlyOf(sites, OWN, FOREIGN);
    this.foreignSite = onlyOf(sites, FOREIGN, OWN);
    this.ownRegion = regionOf(ownSite);
  }

  static RunningPlatform start(KafkaExtension kafka, Path dataDir, Map<String, String> extra) {
    return start(kafka, dataDir, extra, 6);
  }

  /**
   * Like {@link #start(KafkaExtension, Path, Map)} with a fleet of {@code sites} (the settings in
   * {@code extra} may change regions, hubs and rate too); waits until every site reported.
   */
  static RunningPlatform start(KafkaExtension kafka, Path dataDir, Map<String, String> extra,
      int sites) {
    UserDirectory users = new UserDirectory(List.of(
        UserAccount.operator("noc", hash("noc-pw")),
        UserAccount.tenant(OWN, OWN, hash(OWN + "-pw")),
        UserAccount.tenant(FOREIGN, FOREIGN, hash(FOREIGN + "-pw"))));
    TokenAuthenticator auth = new TokenAuthenticator(users, new SessionTokens(
        "test-key-test-key-test-key-test-key".getBytes(StandardCharsets.UTF_8),
        Duration.ofHours(1), Clock.systemUTC()), LoginGuard.defaults(Clock.systemUTC()),
        SessionGenerations.inMemory());
    Map<String, String> settings = new HashMap<>(Map.of(
        "simulator.sites", Integer.toString(sites), "simulator.regions", "2", "simulator.sites-per-hub", "3",
        "simulator.tenants", OWN + "," + FOREIGN, "simulator.seed", "1",
        "simulator.rate", "1", "simulator.mode", "paced",
        "dashboard.stream.keep-alive", "PT2S"));
    settings.putAll(extra);
    List<ServiceFactory> factories = new ArrayList<>(Services.all());
    factories.add(new SimulatorServiceFactory());
    PlatformProcess process = PlatformProcess.start(new PlatformProcess.Spec(
        kafka.bootstrapServers(), false, 0, dataDir, factories, new ServiceSettings(settings), 0,
        c -> c.withTopicLayout(PlatformConfig.DEFAULT_SITE_PARTITIONS, 2, (short) 1), auth));
    try {
      return new RunningPlatform(process, sites);
    } catch (RuntimeException | Error e) {
      process.close();
      throw e;
    }
  }

  /** Waits until the NOC sees an open incident at {@code site}; returns its id. */
  String awaitIncidentAt(String site) {
    String[] id = new String[1];
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
      for (JsonNode i : noc.get("/api/v1/incidents").json().path("incidents")) {
        for (JsonNode s : i.path("affected_sites")) {
          if (s.asText().equals(site)) {
            id[0] = i.path("incident_id").asText();
            return true;
          }
        }
      }
      return false;
    });
    return id[0];
  }

  /** The logged-in client of {@code tenant}'s user. */
  ApiClient client(String tenant) {
    return switch (tenant) {
      case OWN -> altel;
      case FOREIGN -> kora;
      default -> throw new IllegalArgumentException(tenant);
    };
  }

  /** The region of a site. */
  String regionOf(String site) {
    for (JsonNode s : noc.get("/api/v1/sites").json().path("sites")) {
      if (s.path("site_id").asText().equals(site)) {
        return s.path("region").asText();
      }
    }
    throw new AssertionError("no site " + site);
  }

  String baseUrl() {
    return "http://localhost:" + process.httpPort();
  }

  private static boolean allReporting(JsonNode fleet) {
    for (JsonNode s : fleet.path("sites")) {
      if (s.path("status").asText().equals("unknown")) {
        return false;
      }
    }
    return true;
  }

  private static String onlyOf(JsonNode sites, String tenant, String not) {
    for (JsonNode s : sites) {
      List<String> tenancies = new ArrayList<>();
      s.path("tenancies").forEach(t -> tenancies.add(t.asText()));
      if (tenancies.contains(tenant) && !tenancies.contains(not)) {
        return s.path("site_id").asText();
      }
    }
    throw new AssertionError("the simulated fleet has no site of " + tenant + " without " + not
        + " (change simulator.seed): " + sites);
  }

  private static String hash(String password) {
    return PasswordHasher.hash(password.toCharArray(), 10_000);
  }

  @Override
  public void close() {
    process.close();
  }
}
