package com.towerco.notification.stream;

import com.towerco.notification.domain.NotifierInput;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Partitions the notifier's input by tenant, and sends every tick to every partition, so that
 * time passes for each notifier task even when its tenants are quiet (KIP-837 multicast).
 */
final class TickPartitioner implements StreamPartitioner<String, NotifierInput> {
  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, NotifierInput value,
      int numPartitions) {
    if (value instanceof NotifierInput.Tick) {
      return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
    }
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    return Optional.of(Set.of(Utils.toPositive(Utils.murmur2(bytes)) % numPartitions));
  }
}
