package com.towerco.app.cli;

import com.towerco.app.Services;
import com.towerco.platform.PlatformConfig;
import com.towerco.platform.kafka.KafkaClients;
import com.towerco.platform.security.AclPlan;
import com.towerco.platform.security.AclTable;
import com.towerco.platform.security.KafkaAccessSetup;
import com.towerco.platform.security.KafkaCredentials;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code towerco kafka-access}: the platform's Kafka principals and ACLs. {@code plan} prints
 * what each principal may do (the README's table); {@code apply} creates the principals' SCRAM
 * credentials, their ACLs and the operator's topics on any Kafka cluster with SCRAM and an
 * authorizer, as one of its super users, and writes each principal's client settings.
 */
@Command(name = "kafka-access", mixinStandardHelpOptions = true,
    description = "The platform's Kafka principals and ACLs: print the plan, or apply it to a "
        + "cluster.", subcommands = {KafkaAccessCommand.Plan.class, KafkaAccessCommand.Apply.class})
public final class KafkaAccessCommand implements Runnable {
  @Override
  public void run() {
    new picocli.CommandLine(this).usage(System.out);
  }

  static AclPlan plan(List<String> tenants, String operator) {
    return AclPlan.of(Services.kafkaAccess(List.of()), tenants, operator);
  }

  /** {@code kafka-access plan}: the table, for a placeholder tenant or the given ones. */
  @Command(name = "plan", mixinStandardHelpOptions = true,
      description = "Print what each principal may do, as a Markdown table.")
  static final class Plan implements Callable<Integer> {
    @Option(names = "--tenant-principals", split = ",", paramLabel = "TENANT",
        description = "Tenants with a read-only principal (default: a placeholder).")
    List<String> tenants = new ArrayList<>(List.of(AclPlan.ANY_TENANT));

    @Override
    public Integer call() {
      System.out.print(AclTable.markdown(plan(tenants, PlatformConfig.DEFAULT_OPERATOR_TENANT)));
      return 0;
    }
  }

  /** {@code kafka-access apply}: users, ACLs and operator topics on a cluster. */
  @Command(name = "apply", mixinStandardHelpOptions = true,
      description = "Create the principals, their ACLs and the operator's topics on a cluster "
          + "(--kafka-config: a super user's client settings) and write each principal's "
          + "client settings to --credentials-dir.")
  static final class Apply implements Callable<Integer> {
    @Option(names = "--credentials-dir", paramLabel = "DIR", required = true,
        description = "Where each principal's client settings are kept (mode 600); "
            + "passwords given as TOWERCO_SASL_PASSWORD_<PRINCIPAL> win.")
    Path credentialsDir;

    @Option(names = "--tenant-principals", split = ",", paramLabel = "TENANT",
        description = "Tenants that get a read-only principal tenant-<id>.")
    List<String> tenants = new ArrayList<>();

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
      PlatformConfig config = kafka.apply(PlatformConfig.local(kafka.bootstrapServers,
          Path.of(".")));
      KafkaCredentials credentials = new KafkaCredentials(credentialsDir, System.getenv());
      String protocol = config.clientProperties().getOrDefault("security.protocol",
          "SASL_PLAINTEXT");
      KafkaAccessSetup.apply(new KafkaClients(config), plan(tenants, config.operatorTenant()),
          credentials, Map.of("security.protocol", protocol));
      System.out.println("Kafka principals and ACLs applied to " + config.bootstrapServers());
      credentials.help().forEach(line -> System.out.println("  " + line));
      return 0;
    }
  }
}
