package com.towerco.analytics.jdbc;

import com.towerco.platform.kafka.KafkaClients;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Refuses a second analytics instance on an embedded (DuckDB) store: instances share one
 * consumer group, so each embedded store would hold only the partitions its instance was
 * assigned, and every query would answer from part of the fleet. More than one instance needs
 * one shared PostgreSQL database. A member whose client id carries this process's instance id
 * is this instance's previous run (killed before its session expired), not another instance.
 */
public final class EmbeddedStoreGuard {
  private EmbeddedStoreGuard() {}

  /** True for a store that lives inside one process (DuckDB), false for a shared server. */
  public static boolean embedded(String jdbcUrl) {
    return jdbcUrl.startsWith("jdbc:duckdb:");
  }

  /**
   * Throws when another instance already consumes {@code groupId} and {@code jdbcUrl} is an
   * embedded store. {@code ownClientPrefix} starts the client ids of this instance's consumers.
   */
  public static void requireSoleInstance(KafkaClients clients, String groupId, String jdbcUrl,
      String ownClientPrefix) {
    if (!embedded(jdbcUrl)) {
      return;
    }
    List<MemberDescription> others;
    try (Admin admin = clients.admin()) {
      ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId))
          .describedGroups().get(groupId).get(30, TimeUnit.SECONDS);
      others = group.members().stream()
          .filter(m -> !m.clientId().startsWith(ownClientPrefix)).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while looking for other analytics instances",
          e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return;
      }
      throw new IllegalStateException("cannot tell whether another analytics instance runs "
          + "(consumer group " + groupId + "): " + e.getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot tell whether another analytics instance runs "
          + "(consumer group " + groupId + "): " + e.getMessage(), e);
    }
    if (!others.isEmpty()) {
      throw new IllegalStateException("another analytics instance already consumes group "
          + groupId + " (" + others.stream().map(m -> m.clientId() + " on " + m.host())
          .distinct().toList() + "), and this one would store into an embedded DuckDB ("
          + jdbcUrl + "): each would hold part of the events and answer from part of the "
          + "fleet. Run one analytics instance on DuckDB, or give every instance the same "
          + "PostgreSQL database: --set analytics.jdbc-url=jdbc:postgresql://HOST/DB");
    }
  }
}
