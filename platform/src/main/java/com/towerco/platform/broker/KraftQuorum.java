package com.towerco.platform.broker;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.Uuid;

/**
 * The controller quorum of a multi-node KRaft cluster, as Kafka's
 * {@code controller.quorum.voters} writes it: {@code 1@host1:9093,2@host2:9093,3@host3:9093}.
 * Every node is a broker and a controller (combined mode); each one's controller listener binds
 * to its own entry. The cluster id follows from the voters (unless given), so nodes formatted
 * apart from each other agree on it without passing it around.
 */
public record KraftQuorum(List<Voter> voters, String clusterId) {

  /** One voter: node id, controller host and port. */
  public record Voter(int id, String host, int port) {
    public Voter {
      if (id < 0 || port < 1 || port > 65_535 || host == null || host.isBlank()) {
        throw new IllegalArgumentException("not a controller voter: " + id + "@" + host + ":"
            + port);
      }
    }

    @Override
    public String toString() {
      return id + "@" + host + ":" + port;
    }
  }

  public KraftQuorum {
    voters = List.copyOf(voters);
    if (voters.isEmpty()) {
      throw new IllegalArgumentException("a controller quorum needs at least one voter");
    }
    if (voters.stream().map(Voter::id).distinct().count() != voters.size()) {
      throw new IllegalArgumentException("controller voters with the same node id: " + voters);
    }
    clusterId = clusterId == null || clusterId.isBlank() ? derivedClusterId(voters) : clusterId;
  }

  /** Parses {@code 1@host:9093,2@host:9094,...}; the cluster id follows from the voters. */
  public static KraftQuorum parse(String voters) {
    return parse(voters, null);
  }

  public static KraftQuorum parse(String voters, String clusterId) {
    List<Voter> parsed = Arrays.stream(voters.split(",")).map(String::trim)
        .filter(v -> !v.isEmpty()).map(KraftQuorum::voter).toList();
    return new KraftQuorum(parsed, clusterId);
  }

  private static Voter voter(String text) {
    int at = text.indexOf('@');
    int colon = text.lastIndexOf(':');
    if (at < 1 || colon < at + 2) {
      throw new IllegalArgumentException("a controller voter is ID@HOST:PORT, not '" + text
          + "'");
    }
    try {
      return new Voter(Integer.parseInt(text.substring(0, at)), text.substring(at + 1, colon),
          Integer.parseInt(text.substring(colon + 1)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a controller voter is ID@HOST:PORT, not '" + text
          + "'");
    }
  }

  /** This node's entry; refuses a node that is not a voter. */
  public Voter voter(int nodeId) {
    return voters.stream().filter(v -> v.id() == nodeId).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("node " + nodeId
            + " is not in the controller quorum " + this));
  }

  public int size() {
    return voters.size();
  }

  /** Replication of the cluster's own topics (offsets, transactions): up to 3. */
  public int internalReplication() {
    return Math.min(3, voters.size());
  }

  @Override
  public String toString() {
    return voters.stream().map(Voter::toString).collect(Collectors.joining(","));
  }

  private static String derivedClusterId(List<Voter> voters) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(("towerco-kraft:"
          + voters.stream().map(Voter::toString).collect(Collectors.joining(",")))
          .getBytes(StandardCharsets.UTF_8));
      ByteBuffer bytes = ByteBuffer.wrap(hash);
      return new Uuid(bytes.getLong(), bytes.getLong()).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
