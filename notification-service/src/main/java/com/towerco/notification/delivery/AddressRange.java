package com.towerco.notification.delivery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}), and the
 * blocks that are not public: loopback, private, shared (CGNAT), link-local (which holds the
 * cloud metadata address 169.254.169.254), documentation, benchmarking, multicast, reserved,
 * unique-local and the IPv6 forms that embed an IPv4 address (NAT64, 6to4, Teredo), since those
 * can lead back to any of the others. (Java reads IPv4-mapped IPv6 addresses as the IPv4
 * address they map, so the IPv4 blocks cover them.)
 */
public record AddressRange(byte[] network, int prefixLength) {
  private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
  private static final List<AddressRange> NOT_PUBLIC = List.of(
      parse("0.0.0.0/8"), parse("10.0.0.0/8"), parse("100.64.0.0/10"), parse("127.0.0.0/8"),
      parse("169.254.0.0/16"), parse("172.16.0.0/12"), parse("192.0.0.0/24"),
      parse("192.0.2.0/24"), parse("192.88.99.0/24"), parse("192.168.0.0/16"),
      parse("198.18.0.0/15"), parse("198.51.100.0/24"), parse("203.0.113.0/24"),
      parse("224.0.0.0/4"), parse("240.0.0.0/4"),
      parse("::/127"), parse("64:ff9b::/96"), parse("64:ff9b:1::/48"), parse("100::/64"),
      parse("2001::/32"), parse("2001:db8::/32"), parse("2002::/16"), parse("fc00::/7"),
      parse("fe80::/10"), parse("fec0::/10"), parse("ff00::/8"));

  /** {@code 10.20.0.0/16}, or a single address ({@code 10.20.0.7} is {@code /32}). */
  public static AddressRange parse(String cidr) {
    String[] parts = cidr.trim().split("/", 2);
    InetAddress address = literal(parts[0]);
    int bits = address.getAddress().length * 8;
    int prefix;
    try {
      prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a CIDR block: " + cidr);
    }
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("not a CIDR block: " + cidr);
    }
    return new AddressRange(address.getAddress(), prefix);
  }

  /** True for an IP address written as one (never a DNS lookup). */
  public static boolean isLiteral(String text) {
    return LITERAL.matcher(text).matches();
  }

  public static boolean isPublic(InetAddress address) {
    return !address.isAnyLocalAddress() && !address.isLoopbackAddress()
        && !address.isLinkLocalAddress() && !address.isSiteLocalAddress()
        && !address.isMulticastAddress()
        && NOT_PUBLIC.stream().noneMatch(range -> range.contains(address));
  }

  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int full = prefixLength / 8;
    for (int i = 0; i < full; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixLength % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (candidate[full] & mask) == (network[full] & mask);
  }

  private static InetAddress literal(String text) {
    if (!isLiteral(text)) {
      throw new IllegalArgumentException("not an IP address: " + text);
    }
    try {
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + text, e);
    }
  }
}
