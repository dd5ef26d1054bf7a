package com.towerco.platform.broker;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * How one embedded broker runs: its node id, where its client listener binds and what it
 * advertises, and whether it authenticates and authorises ({@link BrokerSecurity}). The default
 * binds to the loopback interface only, so a broker without security is reachable from this
 * machine and nowhere else; binding to another interface is a deliberate choice.
 *
 * <p>The controller and inter-broker listeners stay on {@code internalHost}; with one node
 * that is the loopback interface and the quorum is this node alone. In a multi-node cluster
 * ({@link KraftQuorum}) they bind to this node's entry in the quorum.
 */
public record BrokerSettings(
    Path logDir,
    int nodeId,
    String listenHost,
    int port,
    String advertisedHost,
    String internalHost,
    BrokerSecurity security,
    KraftQuorum quorum) {

  public static final String LOOPBACK = "127.0.0.1";

  public BrokerSettings {
    if (logDir == null) {
      throw new IllegalArgumentException("the broker needs a log directory");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("broker port out of range: " + port);
    }
    listenHost = listenHost == null || listenHost.isBlank() ? LOOPBACK : listenHost;
    internalHost = internalHost == null ? LOOPBACK : internalHost;
    if (quorum != null) {
      internalHost = quorum.voter(nodeId).host();
    }
  }

  /** One node of its own quorum (the single-node default). */
  public BrokerSettings(Path logDir, int nodeId, String listenHost, int port,
      String advertisedHost, String internalHost, BrokerSecurity security) {
    this(logDir, nodeId, listenHost, port, advertisedHost, internalHost, security, null);
  }

  /** One unsecured node on the loopback interface ({@code port} 0 picks a free one). */
  public static BrokerSettings local(Path logDir, int port) {
    return new BrokerSettings(logDir, 1, LOOPBACK, port, null, LOOPBACK, null);
  }

  public BrokerSettings listenOn(String host, int newPort) {
    return new BrokerSettings(logDir, nodeId, host, newPort, advertisedHost, internalHost,
        security, quorum);
  }

  public BrokerSettings advertising(String host) {
    return new BrokerSettings(logDir, nodeId, listenHost, port, host, internalHost, security,
        quorum);
  }

  public BrokerSettings secured(BrokerSecurity newSecurity) {
    return new BrokerSettings(logDir, nodeId, listenHost, port, advertisedHost, internalHost,
        newSecurity, quorum);
  }

  /**
   * Node {@code id} of a multi-node cluster: its controller listener (and, secured, its
   * inter-broker listener) binds to its entry in {@code newQuorum}.
   */
  public BrokerSettings inCluster(int id, KraftQuorum newQuorum) {
    return new BrokerSettings(logDir, id, listenHost, port, advertisedHost, internalHost,
        security, newQuorum);
  }

  /** How many nodes the cluster has (1 without a quorum). */
  public int clusterSize() {
    return quorum == null ? 1 : quorum.size();
  }

  public boolean isSecured() {
    return security != null;
  }

  /** True when only this machine can reach the client listener. */
  public boolean loopbackOnly() {
    return loopback(listenHost);
  }

  private static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The host clients are told to connect to: the one given, else {@code localhost} for a
   * loopback listener, this machine's name for a wildcard one, the listen host otherwise.
   */
  public String clientHost() {
    if (advertisedHost != null && !advertisedHost.isBlank()) {
      return advertisedHost;
    }
    if (loopbackOnly()) {
      return "localhost";
    }
    try {
      InetAddress address = InetAddress.getByName(listenHost);
      return address.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostName() : listenHost;
    } catch (UnknownHostException e) {
      return listenHost;
    }
  }

  /**
   * Refuses to expose an unauthenticated broker beyond this machine unless the caller says so:
   * anyone reaching it could read every tenant's topics and write the NOC's commands.
   */
  public void requireSafeExposure(boolean insecureAccepted) {
    if (!isSecured() && quorum != null && !insecureAccepted && quorum.voters().stream()
        .anyMatch(v -> !loopback(v.host()))) {
      throw new IllegalArgumentException("the Kafka controllers would listen on " + quorum
          + " without authentication: anyone reaching them could take over the cluster. "
          + "Add --kafka-sasl, or --kafka-insecure to accept that");
    }
    if (!isSecured() && !loopbackOnly() && !insecureAccepted) {
      throw new IllegalArgumentException("the Kafka broker would listen on " + listenHost
          + " without authentication: anyone reaching it could read every tenant's topics "
          + "and write NOC commands. Add --kafka-sasl, or --kafka-insecure to accept that");
    }
  }
}
