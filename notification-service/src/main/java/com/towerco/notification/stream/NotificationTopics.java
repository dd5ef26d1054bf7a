package com.towerco.notification.stream;

import com.towerco.events.TopicFamily;
import com.towerco.platform.kafka.TopicProvisioner;
import java.util.List;

/**
 * The notification service's private topics. Neither carries events of the published
 * language, so they are not in {@code TopicFamily}: {@link #INBOX} carries the notifier's
 * input, keyed by tenant, and the clock ticks (one per partition) that move its time on when no
 * event does; {@link #REQUESTS} carries delivery attempts from the notifier to the dispatcher,
 * keyed by tenant and receiver so one receiver's attempts stay in order.
 */
public final class NotificationTopics {
  public static final String INBOX = "towerco.notifications.inbox";
  public static final String REQUESTS = "towerco.notifications.requests";

  private NotificationTopics() {}

  /** Creates the topics the service reads before it starts (laid out like tenant topics). */
  public static void provision(TopicProvisioner topics) {
    topics.ensureAll(TopicFamily.NOTIFICATION_DELIVERIES, List.of(INBOX, REQUESTS));
    topics.ensure(TopicFamily.NOTIFICATION_SETTINGS);
  }
}
