package com.towerco.platform.http.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.towerco.events.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of the HTTP API, read from a JSON file named by configuration:
 * <pre>
 * {"users": [
 *   {"username": "noc", "role": "operator", "password_hash": "pbkdf2-sha256$..."},
 *   {"username": "altel-eng", "role": "tenant", "tenant_id": "altel", "password_hash": "..."}]}
 * </pre>
 * Nothing about users is in the code; a malformed file stops the process at start with the
 * reason. A directory loaded from a file reads it again when it changes (looked at no more
 * than once a second), so a user added, removed or given a new password counts at once; a
 * change that does not parse is logged and the users known before stay.
 */
public final class UserDirectory {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Set<String> FIELDS = Set.of("username", "role", "tenant_id",
      "password_hash");
  // Checked against when the user is unknown, so a wrong name costs as long as a wrong password.
  private static final String DECOY = PasswordHasher.hash("decoy".toCharArray());

  private static final Logger LOG = LoggerFactory.getLogger(UserDirectory.class);
  private static final long RECHECK_MILLIS = 1_000;

  private final Path source;
  private volatile Map<String, UserAccount> users;
  private FileTime seen;
  private long checkedAt;

  public UserDirectory(List<UserAccount> accounts) {
    this(null, index(accounts), null);
  }

  private UserDirectory(Path source, Map<String, UserAccount> users, FileTime seen) {
    this.source = source;
    this.users = users;
    this.seen = seen;
    this.checkedAt = System.currentTimeMillis();
  }

  public static UserDirectory load(Path file) {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      return new UserDirectory(file, read(file), modified);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read users file " + file + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, UserAccount> read(Path file) throws IOException {
    return index(parse(Json.mapper().readTree(Files.readString(file)), file));
  }

  private static Map<String, UserAccount> index(List<UserAccount> accounts) {
    Map<String, UserAccount> byName = new LinkedHashMap<>();
    for (UserAccount account : accounts) {
      if (byName.put(account.username(), account) != null) {
        throw new IllegalArgumentException("user " + account.username() + " is listed twice");
      }
    }
    return Collections.unmodifiableMap(byName);
  }

  /** The users as the file says now. */
  private Map<String, UserAccount> current() {
    if (source != null) {
      synchronized (this) {
        long now = System.currentTimeMillis();
        if (now - checkedAt >= RECHECK_MILLIS) {
          checkedAt = now;
          reload();
        }
      }
    }
    return users;
  }

  private void reload() {
    try {
      FileTime modified = Files.getLastModifiedTime(source);
      if (!modified.equals(seen)) {
        users = read(source);
        seen = modified;
        LOG.info("users file {} read again: {} users", source, users.size());
      }
    } catch (IOException | RuntimeException e) {
      LOG.error("users file {} changed but cannot be used ({}); keeping the users known before",
          source, e.getMessage());
    }
  }

  /** Writes accounts in the file format, readable by its owner only from the start. */
  public static void write(Path file, List<UserAccount> accounts) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode list = root.putArray("users");
    for (UserAccount a : accounts) {
      ObjectNode user = list.addObject().put("username", a.username())
          .put("role", a.role().name().toLowerCase(Locale.ROOT));
      a.tenantId().ifPresent(t -> user.put("tenant_id", t));
      user.put("password_hash", a.passwordHash());
    }
    try {
      OwnerOnly.write(file, Json.mapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<UserAccount> find(String username) {
    return Optional.ofNullable(current().get(username));
  }

  public List<UserAccount> all() {
    return List.copyOf(current().values());
  }

  /** The account these credentials belong to, if they are right. */
  public Optional<UserAccount> verify(String username, char[] password) {
    UserAccount account = current().get(username);
    boolean ok = PasswordHasher.matches(password,
        account == null ? DECOY : account.passwordHash());
    return ok && account != null ? Optional.of(account) : Optional.empty();
  }

  private static List<UserAccount> parse(JsonNode root, Path file) {
    if (root == null || !root.path("users").isArray()) {
      throw new IllegalArgumentException("users file " + file + ": expected {\"users\": [...]}");
    }
    return java.util.stream.StreamSupport.stream(root.get("users").spliterator(), false)
        .map(UserDirectory::account).toList();
  }

  private static UserAccount account(JsonNode node) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("users file: every user must be an object");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException("users file: unknown field '" + field
            + "'; allowed: " + String.join(", ", FIELDS));
      }
    }
    String name = node.path("username").asText("");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("users file: username must match " + NAME.pattern());
    }
    String hash = node.path("password_hash").asText(null);
    PasswordHasher.requireWellFormed(hash, name);
    String role = node.path("role").asText("");
    return switch (role) {
      case "operator" -> {
        if (node.has("tenant_id")) {
          throw new IllegalArgumentException("user " + name + ": an operator takes no tenant_id");
        }
        yield UserAccount.operator(name, hash);
      }
      case "tenant" -> {
        String tenant = node.path("tenant_id").asText("");
        if (!TENANT.matcher(tenant).matches()) {
          throw new IllegalArgumentException("user " + name + ": tenant_id must match "
              + TENANT.pattern());
        }
        yield UserAccount.tenant(name, tenant, hash);
      }
      default -> throw new IllegalArgumentException("user " + name
          + ": role must be operator or tenant");
    };
  }
}
