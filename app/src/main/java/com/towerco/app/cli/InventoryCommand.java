package com.towerco.app.cli;

import com.towerco.ingest.domain.GatewayKeys;
import com.towerco.ingest.domain.SiteSheet;
import com.towerco.ingest.onboarding.Onboarding;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.kafka.EventPublisher;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.kafka.TopicProvisioner;
import com.towerco.platform.metrics.PlatformMetrics;
import com.towerco.events.EventCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code towerco inventory}: the fleet's inventory from the operator's sheet. {@code import}
 * registers (or updates) every site of a CSV sheet on {@code towerco.inventory}, after creating
 * every topic of the site and its tenants; {@code decommission} takes a site out;
 * {@code gateway-key} makes an HTTP ingest key and the line that stores its hash.
 */
@Command(name = "inventory", mixinStandardHelpOptions = true,
    description = "Register, update and decommission sites; make gateway keys.",
    subcommands = {InventoryCommand.Import.class, InventoryCommand.Decommission.class,
        InventoryCommand.GatewayKey.class})
public final class InventoryCommand implements Runnable {
  @Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code towerco inventory import sites.csv}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Register or update the sites of a CSV sheet (header: site_id, name, "
          + "region, hub_site_id, hub, latitude, longitude, grid, generator, solar, "
          + "battery_capacity_ah, fuel_capacity_l, generator_consumption_lph, tenancies; "
          + "tenancies as tenant:sla_pct:dc_min_v:dc_max_v:backup_h|...; optional: "
          + "grid_feeder_id, parent_hub_site_id, fuel_supplier_id, maintenance_contractor_id)",
          "or of a JSON array of {site_id, ...site.registered fields} (docs/events.md).",
          "Bad rows are reported with their line (item index in JSON); the good ones are "
              + "registered."})
  public static final class Import implements Callable<Integer> {
    @Parameters(paramLabel = "SITES.csv|SITES.json", description = "The sheet.")
    Path sheet;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws IOException {
      SiteSheet.Parsed parsed = SiteSheet.read(Files.readString(sheet, StandardCharsets.UTF_8));
      parsed.errors().forEach(e -> System.err.println(sheet + ": " + e));
      if (parsed.rows().isEmpty()) {
        System.err.println("no site registered");
        return 1;
      }
      List<String> done = new ArrayList<>();
      withOnboarding(kafka, o -> done.addAll(o.register(parsed.rows(), "cli")));
      System.out.println("registered " + done.size() + " site(s): " + String.join(", ", done)
          + (parsed.errors().isEmpty() ? "" : "; " + parsed.errors().size()
              + " row(s) refused"));
      return parsed.errors().isEmpty() ? 0 : 2;
    }
  }

  /** {@code towerco inventory decommission S0001 --reason ...}. */
  @Command(name = "decommission", mixinStandardHelpOptions = true,
      description = "Take a site out of the fleet (site.decommissioned).")
  public static final class Decommission implements Callable<Integer> {
    @Parameters(paramLabel = "SITE_ID")
    String siteId;

    @Option(names = "--reason", required = true, description = "Why, for the record.")
    String reason;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
      withOnboarding(kafka, o -> o.decommission(siteId, reason, "cli"));
      System.out.println("decommissioned " + siteId);
      return 0;
    }
  }

  /** {@code towerco inventory gateway-key vendor-cloud S0001 S0002}. */
  @Command(name = "gateway-key", mixinStandardHelpOptions = true,
      description = {"Make an API key for an HTTP ingest gateway, bound to sites ('*' for all).",
          "Prints the key (give it to the gateway, once) and the ingest.http-keys entry that "
              + "stores only its SHA-256."})
  public static final class GatewayKey implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "GATEWAY")
    String gateway;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SITE")
    List<String> sites;

    @Override
    public Integer call() {
      String key = GatewayKeys.newKey();
      System.out.println("key (shown once): " + key);
      System.out.println("setting entry:    " + GatewayKeys.entry(gateway, key, sites));
      return 0;
    }
  }

  private static void withOnboarding(KafkaOptions kafka,
      java.util.function.Consumer<Onboarding> action) {
    PlatformConfig config = kafka.connect(Path.of("."));
    KafkaClients clients = new KafkaClients(config);
    try (TopicProvisioner topics = new TopicProvisioner(clients);
         PlatformMetrics metrics = new PlatformMetrics();
         KafkaProducer<String, byte[]> producer = clients.producer("towerco-inventory-cli")) {
      topics.ensureGlobalTopics();
      action.accept(new Onboarding(new EventPublisher(producer, topics, new EventCodec(),
          metrics.forService("inventory-cli")), topics, config.operatorTenant(),
          Clock.systemUTC()));
    }
  }
}
