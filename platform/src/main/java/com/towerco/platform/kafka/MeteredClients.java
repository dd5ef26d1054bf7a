package com.towerco.platform.kafka;

import com.towerco.platform.metrics.KafkaClientMeters;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;

/**
 * The platform's producers and consumers with their Kafka metrics bound to the process's
 * registry from construction to {@code close()}, whatever {@code close} overload the owner
 * calls. Callers see plain {@link KafkaProducer} and {@link KafkaConsumer}.
 */
final class MeteredClients {
  private MeteredClients() {}

  static KafkaProducer<String, byte[]> producer(Map<String, Object> props,
      KafkaClientMeters meters) {
    return new Producer(props, meters);
  }

  static KafkaConsumer<String, byte[]> consumer(Map<String, Object> props,
      KafkaClientMeters meters) {
    return new Consumer(props, meters);
  }

  private static void release(AutoCloseable binding) {
    try {
      binding.close();
    } catch (Exception e) {
      LoggerFactory.getLogger(MeteredClients.class).debug("unbinding client metrics: {}",
          e.toString());
    }
  }

  private static final class Producer extends KafkaProducer<String, byte[]> {
    private final AutoCloseable binding;

    Producer(Map<String, Object> props, KafkaClientMeters meters) {
      super(props, new StringSerializer(), new ByteArraySerializer());
      this.binding = meters.bind(this);
    }

    @Override
    public void close(Duration timeout) {
      try {
        super.close(timeout);
      } finally {
        release(binding);
      }
    }
  }

  private static final class Consumer extends KafkaConsumer<String, byte[]> {
    private final AutoCloseable binding;

    Consumer(Map<String, Object> props, KafkaClientMeters meters) {
      super(props, new RepeatedTextDeserializer(), new ByteArrayDeserializer());
      this.binding = meters.bind(this);
    }

    @Override
    public void close() {
      try {
        super.close();
      } finally {
        release(binding);
      }
    }

    @Override
    @SuppressWarnings("deprecation")
    public void close(Duration timeout) {
      try {
        super.close(timeout);
      } finally {
        release(binding);
      }
    }

    @Override
    public void close(CloseOptions options) {
      try {
        super.close(options);
      } finally {
        release(binding);
      }
    }
  }
}
