package com.towerco.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Which site topic a site's events go to (ADR-029). Producers still address a site
 * ({@link TopicFamily#topic(String) TopicFamily.SITE_EVENTS.topic(siteId)}); the name they get is
 * the topic of the site's group, one of {@link #COUNT} fixed groups, {@code group-00} to
 * {@code group-15}: {@code towerco.sites.group-07.events}. Records are keyed by the site id, so
 * a site's events stay in order in one partition of its group topic.
 *
 * <p>The function, for a producer outside this code base:
 * <pre>
 *   h     = murmur2(UTF-8 bytes of site_id)      (Kafka's murmur2, seed 0x9747b28c)
 *   p     = h &amp; 0x7fffffff                       (Kafka's toPositive)
 *   group = (p * 16) &gt;&gt;&gt; 31                      (64-bit product: the top 4 of p's 31 bits)
 *   topic = "towerco.sites.group-" + two-digit group + ".events"
 *   key   = site_id, partition = p % partitions   (Kafka's default partitioner for a key)
 * </pre>
 * The group takes the hash's top bits and the partition its remainder, so with an even number
 * of partitions a group's sites still spread over all of them (taking both from the
 * remainder would put every site of an even group in an even partition). A Java producer
 * with a site-id key and the default partitioner gets the partition by itself; librdkafka
 * needs {@code partitioner=murmur2_random}. Test vectors: {@code SiteGroupsTest}.
 */
public final class SiteGroups {
  /** The number of groups: part of the topic contract, never a setting. */
  public static final int COUNT = 16;
  private static final String PREFIX = "group-";

  private SiteGroups() {}

  /** The group of a site, e.g. {@code group-07}; it matches the site id pattern. */
  public static String of(String siteId) {
    return name(index(siteId));
  }

  /** Every group, {@code group-00} first. */
  public static List<String> all() {
    List<String> groups = new ArrayList<>(COUNT);
    for (int g = 0; g < COUNT; g++) {
      groups.add(name(g));
    }
    return groups;
  }

  /** The group's number, 0 to {@link #COUNT} - 1. */
  public static int index(String siteId) {
    long positive = positiveHash(siteId);
    return (int) ((positive * COUNT) >>> 31);
  }

  /** The partition Kafka's default partitioner gives a record keyed by {@code siteId}. */
  public static int partition(String siteId, int partitions) {
    if (partitions <= 0) {
      throw new IllegalArgumentException("partitions must be positive: " + partitions);
    }
    return (int) (positiveHash(siteId) % partitions);
  }

  private static String name(int group) {
    return PREFIX + (group < 10 ? "0" : "") + group;
  }

  private static long positiveHash(String siteId) {
    return murmur2(siteId.getBytes(StandardCharsets.UTF_8)) & 0x7fffffff;
  }

  /** Kafka's 32-bit murmur2 ({@code org.apache.kafka.common.utils.Utils.murmur2}). */
  static int murmur2(byte[] data) {
    int length = data.length;
    int seed = 0x9747b28c;
    int m = 0x5bd1e995;
    int r = 24;
    int h = seed ^ length;
    int length4 = length / 4;
    for (int i = 0; i < length4; i++) {
      int i4 = i * 4;
      int k = (data[i4] & 0xff) + ((data[i4 + 1] & 0xff) << 8)
          + ((data[i4 + 2] & 0xff) << 16) + ((data[i4 + 3] & 0xff) << 24);
      k *= m;
      k ^= k >>> r;
      k *= m;
      h *= m;
      h ^= k;
    }
    int tail = length & ~3;
    switch (length % 4) {
      case 3:
        h ^= (data[tail + 2] & 0xff) << 16;
      // fall through
      case 2:
        h ^= (data[tail + 1] & 0xff) << 8;
      // fall through
      case 1:
        h ^= data[tail] & 0xff;
        h *= m;
        break;
      default:
        break;
    }
    h ^= h >>> 13;
    h *= m;
    h ^= h >>> 15;
    return h;
  }
}
