package com.towerco.notification.delivery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Decides which addresses the service may call for a tenant's receiver: public addresses, and
 * what the operator allows ({@code outbound.allow}: CIDR blocks, host names, {@code *.domain}).
 * It is the HTTP client's DNS resolver, so the addresses it checks are the very ones the client
 * connects to: a name that resolves to a public address when checked cannot be rebound to an
 * internal one before the connection. A host name is allowed by name whatever it resolves to
 * (the operator vouches for it); any other name is refused if any of its addresses is not
 * allowed, so a mixed answer cannot slip an internal address in.
 */
public final class DestinationGuard implements DnsResolver {
  /** How names become addresses: the system resolver, or a test's. */
  @FunctionalInterface
  public interface Lookup {
    InetAddress[] addresses(String host) throws UnknownHostException;
  }

  /** The destination is not allowed; never says which address it resolved to. */
  public static final class Refused extends UnknownHostException {
    private static final long serialVersionUID = 1L;

    Refused(String host) {
      super("refused: " + host + " is not a public address and not allowed by the operator");
    }
  }

  private final List<AddressRange> allowedRanges = new ArrayList<>();
  private final List<String> allowedHosts = new ArrayList<>();
  private final Lookup lookup;

  public DestinationGuard(List<String> allow, Lookup lookup) {
    this.lookup = lookup;
    for (String entry : allow) {
      String e = entry.trim().toLowerCase(Locale.ROOT);
      try {
        if (e.contains("/") || AddressRange.isLiteral(e)) {
          allowedRanges.add(AddressRange.parse(e));
          continue;
        }
      } catch (IllegalArgumentException notARange) {
        throw notAllowEntry(entry);
      }
      if (!e.matches("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*"
          + "[a-z0-9])?)*")) {
        throw notAllowEntry(entry);
      }
      allowedHosts.add(e);
    }
  }

  private static IllegalArgumentException notAllowEntry(String entry) {
    return new IllegalArgumentException("outbound.allow: '" + entry + "' is neither a CIDR "
        + "block, an IP address nor a host name");
  }

  public static DestinationGuard system(List<String> allow) {
    return new DestinationGuard(allow, InetAddress::getAllByName);
  }

  /** The addresses of {@code host} that may be called; {@link Refused} if not all may. */
  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    InetAddress[] addresses = lookup.addresses(name);
    if (hostAllowed(name)) {
      return addresses;
    }
    if (addresses.length == 0 || !Arrays.stream(addresses).allMatch(this::addressAllowed)) {
      throw new Refused(host);
    }
    return addresses;
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  private boolean hostAllowed(String name) {
    if (AddressRange.isLiteral(name)) {
      return false;
    }
    for (String allowed : allowedHosts) {
      if (allowed.startsWith("*.") ? name.endsWith(allowed.substring(1))
          : name.equals(allowed)) {
        return true;
      }
    }
    return false;
  }

  private boolean addressAllowed(InetAddress address) {
    return AddressRange.isPublic(address)
        || allowedRanges.stream().anyMatch(range -> range.contains(address));
  }
}
