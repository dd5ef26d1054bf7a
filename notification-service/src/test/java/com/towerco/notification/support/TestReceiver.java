package com.towerco.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP receiver for tests (the JDK's HTTP server on 127.0.0.1 or another loopback address): records every request
 * by path, answers each path with the statuses queued for it and then 200, optionally slowly.
 */
public final class TestReceiver implements AutoCloseable {
  /** One request as the receiver got it. */
  public record Received(String path, String idempotencyKey, int attempt, JsonNode body,
      int answeredWith) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Integer> always = new ConcurrentHashMap<>();
  private volatile long delayMillis;

  public TestReceiver() {
    this("127.0.0.1");
  }

  /** A receiver on another loopback address, e.g. {@code 127.0.0.2}. */
  public TestReceiver(String address) {
    try {
      server = HttpServer.create(new InetSocketAddress(address, 0), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String path) {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
        + server.getAddress().getPort() + path;
  }

  /** The next requests to {@code path} get these statuses, in order; later ones get 200. */
  public void failNext(String path, Integer... statuses) {
    scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
  }

  /** Every request to {@code path} gets {@code status}. */
  public void alwaysAnswer(String path, int status) {
    always.put(path, status);
  }

  public void delay(long millis) {
    this.delayMillis = millis;
  }

  public List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  /** Requests to {@code path} the receiver accepted (answered 2xx). */
  public List<Received> accepted(String path) {
    return received(path).stream().filter(r -> r.answeredWith() / 100 == 2).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if (delayMillis > 0) {
        Thread.sleep(delayMillis);
      }
      String path = exchange.getRequestURI().getPath();
      Deque<Integer> queue = scripted.get(path);
      Integer next = queue == null ? null : queue.poll();
      int status = next != null ? next : always.getOrDefault(path, 200);
      String attempt = exchange.getRequestHeaders().getFirst("X-Towerco-Attempt");
      received.add(new Received(path, exchange.getRequestHeaders().getFirst("Idempotency-Key"),
          attempt == null ? 0 : Integer.parseInt(attempt), JSON.readTree(body), status));
      exchange.sendResponseHeaders(status, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
