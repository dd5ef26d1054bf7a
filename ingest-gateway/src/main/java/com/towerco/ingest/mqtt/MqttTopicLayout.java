package com.towerco.ingest.mqtt;

import java.util.Optional;

/**
 * The MQTT topic layout sites publish to: {@code {root}/{site_id}/{kind}} with the root
 * {@value #DEFAULT_ROOT} unless configured, where the kind names the site event without its
 * {@code site.} prefix ({@code telemetry}, {@code alarm}, {@code connectivity},
 * {@code visit-scheduled}). The gateway subscribes to {@code {root}/+/+}, as a member of a
 * shared subscription when configured ({@code $share/{group}/{root}/+/+}), so several gateways
 * split the load.
 */
public record MqttTopicLayout(String root) {
  public static final String DEFAULT_ROOT = "towerco/sites";

  /** Where a topic says a message comes from. */
  public record Address(String siteId, String eventType) {}

  public MqttTopicLayout {
    if (root == null || root.isBlank() || root.endsWith("/") || root.contains("+")
        || root.contains("#")) {
      throw new IllegalArgumentException("an MQTT topic root is levels without wildcards or a "
          + "trailing '/', not '" + root + "'");
    }
  }

  public static MqttTopicLayout standard() {
    return new MqttTopicLayout(DEFAULT_ROOT);
  }

  /** The topic a site publishes one kind of event to. */
  public String topic(String siteId, String eventType) {
    return root + "/" + siteId + "/" + kind(eventType);
  }

  /** The kind of an event type, as a topic's last level: {@code site.alarm} is {@code alarm}. */
  public static String kind(String eventType) {
    return eventType.startsWith("site.") ? eventType.substring(5) : eventType;
  }

  /** The subscription filter: shared when a group is given. */
  public String filter(String sharedGroup) {
    String filter = root + "/+/+";
    return sharedGroup == null || sharedGroup.isBlank() ? filter
        : "$share/" + sharedGroup + "/" + filter;
  }

  /** The site and event type a topic names, or empty when it is not of this layout. */
  public Optional<Address> parse(String topic) {
    if (!topic.startsWith(root + "/")) {
      return Optional.empty();
    }
    String[] levels = topic.substring(root.length() + 1).split("/", -1);
    if (levels.length != 2 || levels[0].isEmpty() || levels[1].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Address(levels[0], "site." + levels[1]));
  }
}
