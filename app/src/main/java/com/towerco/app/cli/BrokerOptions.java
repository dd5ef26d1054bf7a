package com.towerco.app.cli;

import com.towerco.app.KafkaSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The embedded broker's exposure and security, shared by {@code demo}, {@code run} and
 * {@code broker}: loopback only unless told, SASL/SCRAM with ACLs on request, TLS with a
 * keystore, and read-only tenant principals.
 */
public final class BrokerOptions {
  static final String KEYSTORE_PASSWORD_ENV = "TOWERCO_BROKER_KEYSTORE_PASSWORD";

  @Option(names = "--kafka-listen", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Interface the embedded broker listens on (default: ${DEFAULT-VALUE}: "
          + "this machine only). Any other needs --kafka-sasl (or --kafka-insecure).")
  String listen;

  @Option(names = "--kafka-advertised-host", paramLabel = "HOST",
      description = "Host clients are told to connect to (default: localhost on loopback, "
          + "this machine's name on 0.0.0.0, else the listen host).")
  String advertisedHost;

  @Option(names = "--kafka-sasl",
      description = "Clients must log in (SASL/SCRAM-SHA-512) and are authorised by ACLs: one "
          + "principal per service, towerco-admin, and read-only tenant principals on request; "
          + "credentials in DATA_DIR/kafka-credentials (mode 600), passwords shown once.")
  boolean sasl;

  @Option(names = "--kafka-keystore", paramLabel = "FILE",
      description = "PKCS12 (or .jks) keystore: the client listener speaks TLS (SASL_SSL); its "
          + "certificate must name the advertised host. Needs --kafka-sasl.")
  Path keystore;

  @Option(names = "--kafka-keystore-password-file", paramLabel = "FILE",
      description = "File holding the keystore password (or " + KEYSTORE_PASSWORD_ENV + ").")
  Path keystorePasswordFile;

  @Option(names = "--kafka-tenant-principals", split = ",", paramLabel = "TENANT",
      description = "Tenants that get a read-only principal tenant-<id> for their own KPI, "
          + "alert, incident and delivery topics ('all': every simulated tenant in the demo).")
  List<String> tenantPrincipals = new ArrayList<>();

  @Option(names = "--kafka-insecure",
      description = "Accept an unauthenticated broker on a non-loopback interface.")
  boolean insecure;

  /**
   * The security these options ask for; {@code knownTenants} stand for 'all', and
   * {@code credentialsDir} (null: the default) holds the principals' files.
   */
  KafkaSecurity security(List<String> knownTenants, Path credentialsDir) {
    List<String> tenants = tenantPrincipals.contains("all") ? knownTenants : tenantPrincipals;
    return new KafkaSecurity(listen, advertisedHost, sasl, keystore,
        keystore == null ? null : keystorePassword(), tenants, insecure, credentialsDir);
  }

  private String keystorePassword() {
    if (keystorePasswordFile != null) {
      try {
        return Files.readString(keystorePasswordFile).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + keystorePasswordFile, e);
      }
    }
    String fromEnv = System.getenv(KEYSTORE_PASSWORD_ENV);
    if (fromEnv == null || fromEnv.isEmpty()) {
      throw new IllegalArgumentException("--kafka-keystore needs its password: "
          + "--kafka-keystore-password-file FILE or " + KEYSTORE_PASSWORD_ENV);
    }
    return fromEnv;
  }
}
