package com.towerco.platform.kafka;

import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * How often a consumer loop goes to the brokers (ADR-025). With a topic per site, every fetch,
 * end-offset probe and metadata refresh of a reader of all site topics costs the broker and the
 * client work for each of its thousands of partitions, whether they hold new records or not. At
 * 5,000 sites the readers that fetched every 50 ms took most of the two cores and starved the
 * one reader that decides alerts. So only the event-to-alert path fetches {@link #EAGER eagerly};
 * services whose output is not time-critical to the second declare {@link #BACKGROUND} next to
 * where they build their loop, with the reason.
 *
 * @param round the shortest time between two polls while the loop is caught up (a poll that
 *     fills {@code max.poll.records} is followed by the next at once, so a backlog drains at
 *     full speed); zero: poll again at once
 * @param probeInterval how often the brokers are asked for the assigned partitions' end offsets
 *     (the caught-up signal, ADR-017)
 * @param metadataMaxAge how often the client refreshes topic metadata: the longest a new site's
 *     topic waits before the loop subscribes to it (plus a rebalance for a group)
 * @param niceSteps how far below the process's CPU priority the loop's thread runs ({@link
 *     com.towerco.platform.runtime.CpuPriority}, ADR-068): 0 as every thread; more yields a
 *     contended core to the event-to-alert path
 */
public record FetchPace(Duration round, Duration probeInterval, Duration metadataMaxAge,
    int niceSteps) {
  /**
   * The event-to-alert path: a fetch is answered at {@link KafkaClients#FETCH_MIN_BYTES} or
   * after {@link KafkaClients#FETCH_MAX_WAIT_MS}, the next sent at once; end offsets every
   * second; a new site topic read within {@link KafkaClients#METADATA_MAX_AGE_MS}.
   */
  public static final FetchPace EAGER = new FetchPace(Duration.ZERO, Duration.ofSeconds(1),
      Duration.ofMillis(KafkaClients.METADATA_MAX_AGE_MS), 0);

  /**
   * Off the alert path: one poll a second at most while caught up (about 20 times fewer fetches
   * than {@link #EAGER} at the 50 ms wait), end offsets every 5 s (the caught-up signal is then
   * at most 3 x 5 s + the hold old), and a new site topic read within 15 s plus a rebalance.
   * Records reach these services up to about two rounds (2 s) later than the alert path.
   * Each round's records are worked off at once, so these loops' threads run {@link
   * com.towerco.platform.runtime.CpuPriority#BACKGROUND_STEPS} nice steps lower: their bursts
   * take the idle cycles, not a contended core from the alert path (ADR-068).
   */
  public static final FetchPace BACKGROUND = new FetchPace(Duration.ofSeconds(1),
      Duration.ofSeconds(5), Duration.ofSeconds(15),
      com.towerco.platform.runtime.CpuPriority.BACKGROUND_STEPS);

  public FetchPace {
    if (round.isNegative() || probeInterval.isNegative() || probeInterval.isZero()
        || metadataMaxAge.isNegative() || metadataMaxAge.isZero() || niceSteps < 0
        || niceSteps > 19) {
      throw new IllegalArgumentException("fetch pace: round >= 0, probe interval and metadata"
          + " age > 0, nice steps 0-19: " + round + ", " + probeInterval + ", "
          + metadataMaxAge + ", " + niceSteps);
    }
  }

  /** At the default CPU priority. */
  public FetchPace(Duration round, Duration probeInterval, Duration metadataMaxAge) {
    this(round, probeInterval, metadataMaxAge, 0);
  }

  /**
   * Puts the calling thread (a loop at this pace, or a thread working off what it reads) at
   * this pace's CPU priority; threads it starts afterwards inherit it.
   */
  public void enter() {
    com.towerco.platform.runtime.CpuPriority.lowerCurrentThread(niceSteps);
  }

  /** Whether the loop waits between polls while caught up. */
  public boolean paced() {
    return !round.isZero();
  }

  /** As {@link #waitMillis(long, boolean, long)}, behind when {@code polled} filled the poll. */
  public long waitMillis(long lastPollMillis, int polled, int maxPollRecords, long now) {
    return waitMillis(lastPollMillis, polled >= maxPollRecords, now);
  }

  /**
   * How long to wait before the next poll: the rest of the round since {@code lastPollMillis},
   * or nothing when the last poll left a backlog ({@code behind}, see {@link #behind}) or the
   * pace is eager.
   */
  public long waitMillis(long lastPollMillis, boolean behind, long now) {
    if (!paced() || behind) {
      return 0;
    }
    return Math.max(0, lastPollMillis + round.toMillis() - now);
  }

  /**
   * Whether {@code records}, just polled, left records behind them: the poll filled {@code
   * maxPollRecords}, or a partition it returned records of has more (the lag its last fetch
   * response told, no broker call). A fetch response is bounded in bytes
   * ({@link KafkaClients#FETCH_MAX_BYTES}), so a reader far behind may get fewer than
   * {@code max.poll.records} a poll; counting alone, a paced reader took that for caught up and
   * drained its backlog one fetch a second (ADR-042).
   */
  public static boolean behind(Consumer<?, ?> consumer, ConsumerRecords<?, ?> records,
      int maxPollRecords) {
    if (records.count() >= maxPollRecords) {
      return true;
    }
    for (TopicPartition partition : records.partitions()) {
      if (consumer.currentLag(partition).orElse(0) > 0) {
        return true;
      }
    }
    return false;
  }
}
