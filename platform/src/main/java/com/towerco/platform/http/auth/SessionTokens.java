package com.towerco.platform.http.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.towerco.platform.http.Caller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Session tokens: JWTs signed with HMAC-SHA256 carrying the user, its role and tenant, the
 * user's session generation and account fingerprint, and an expiry. Signed tokens need no
 * session store, so any process holding the same key (a file shared by the instances) accepts
 * a token another issued; the authenticator checks the role, tenant, fingerprint and
 * generation again on every request, so a removed user, a changed password or a logout ends
 * the session everywhere.
 */
public final class SessionTokens {
  static final String ISSUER = "towerco";
  private static final int KEY_BYTES = 32;

  private final Algorithm algorithm;
  private final JWTVerifier verifier;
  private final Duration ttl;
  private final Clock clock;

  public SessionTokens(byte[] key, Duration ttl, Clock clock) {
    if (key.length < KEY_BYTES) {
      throw new IllegalArgumentException("the token key needs at least " + KEY_BYTES + " bytes");
    }
    this.algorithm = Algorithm.HMAC256(key);
    this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(ISSUER)
        .withClaimPresence("role").acceptLeeway(5)).build(clock);
    this.ttl = ttl;
    this.clock = clock;
  }

  /** An issued token and when it stops being accepted. */
  public record Issued(String token, Instant expiresAt) {}

  /** What a valid token says: who, in which session generation, on which account state. */
  public record Session(Caller caller, int generation, String fingerprint) {}

  public Issued issue(Caller caller, int generation, String fingerprint) {
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    String token = JWT.create().withIssuer(ISSUER).withSubject(caller.user())
        .withClaim("role", caller.role().name().toLowerCase(Locale.ROOT))
        .withClaim("tenant", caller.tenantId().orElse(null))
        .withClaim("gen", generation).withClaim("acct", fingerprint)
        .withIssuedAt(now).withExpiresAt(expires).withJWTId(UUID.randomUUID().toString())
        .sign(algorithm);
    return new Issued(token, expires);
  }

  /** The session a valid, unexpired token names; empty for anything else. */
  public Optional<Session> verify(String token) {
    try {
      DecodedJWT jwt = verifier.verify(token);
      String role = jwt.getClaim("role").asString();
      String tenant = jwt.getClaim("tenant").asString();
      Integer generation = jwt.getClaim("gen").asInt();
      String fingerprint = jwt.getClaim("acct").asString();
      if (generation == null || fingerprint == null) {
        return Optional.empty();
      }
      if ("operator".equals(role) && tenant == null) {
        return Optional.of(new Session(Caller.operator(jwt.getSubject()), generation,
            fingerprint));
      }
      if ("tenant".equals(role) && tenant != null) {
        return Optional.of(new Session(Caller.tenant(jwt.getSubject(), tenant), generation,
            fingerprint));
      }
      return Optional.empty();
    } catch (JWTVerificationException e) {
      return Optional.empty();
    }
  }

  public Duration ttl() {
    return ttl;
  }

  /**
   * The signing key kept in {@code file} (base64), created with fresh random bytes if missing:
   * tokens survive a restart, and processes sharing the file accept each other's tokens.
   */
  public static byte[] loadOrCreateKey(Path file) {
    try {
      if (Files.exists(file)) {
        byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
        if (key.length < KEY_BYTES) {
          throw new IllegalArgumentException("token key file " + file + " holds under "
              + KEY_BYTES + " bytes");
        }
        return key;
      }
      byte[] key = new byte[KEY_BYTES];
      new SecureRandom().nextBytes(key);
      OwnerOnly.write(file, Base64.getEncoder().encodeToString(key) + "\n");
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create token key " + file, e);
    }
  }
}
