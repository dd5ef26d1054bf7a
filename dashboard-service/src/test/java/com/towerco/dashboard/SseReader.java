package com.towerco.dashboard;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A minimal server-sent events client on the JDK's HttpClient, for tests. */
final class SseReader implements AutoCloseable {
  /** One message: its id, event name and data line. */
  record Message(String id, String event, String data) {}

  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final Stream<String> lines;
  private final Thread thread;

  SseReader(HttpClient client, URI uri, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .header("Accept", "text/event-stream");
    headers.forEach(request::header);
    HttpResponse<Stream<String>> response =
        client.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("stream answered " + response.statusCode());
    }
    lines = response.body();
    thread = new Thread(this::read, "sse-reader");
    thread.setDaemon(true);
    thread.start();
  }

  private void read() {
    String[] current = new String[3];
    try {
      lines.forEach(line -> {
        if (line.isEmpty()) {
          if (current[2] != null) {
            messages.add(new Message(current[0], current[1], current[2]));
          }
          current[1] = null;
          current[2] = null;
        } else if (line.startsWith("id:")) {
          current[0] = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          current[1] = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          current[2] = line.substring(5).trim();
        }
      });
    } catch (RuntimeException e) {
      // closed
    }
  }

  /** The next message matching {@code wanted}, skipping others; fails after the timeout. */
  Message next(Predicate<Message> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Message m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
      if (m == null) {
        throw new AssertionError("no matching server-sent event within " + timeout);
      }
      if (wanted.test(m)) {
        return m;
      }
    }
  }

  @Override
  public void close() {
    lines.close();
    thread.interrupt();
  }
}
