package com.towerco.ingest.snmp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;

/**
 * The SNMPv3 USM users traps may come from, from {@code ingest.snmp-users}:
 * {@code name:auth-protocol:auth-passphrase:priv-protocol:priv-passphrase} entries separated by
 * {@code ;} (auth: {@code SHA} or {@code SHA256}; priv: {@code AES128} or {@code AES256}).
 * Each user is added for any sender's engine id, so traps from every controller that shares
 * the user are accepted. Keep the setting in the settings file: it holds passphrases.
 */
public final class SnmpUsers {
  private final List<UsmUser> users;

  private SnmpUsers(List<UsmUser> users) {
    this.users = List.copyOf(users);
  }

  public static SnmpUsers parse(String spec) {
    List<UsmUser> users = new ArrayList<>();
    if (spec != null) {
      for (String entry : spec.split(";")) {
        if (entry.isBlank()) {
          continue;
        }
        String[] f = entry.trim().split(":", 5);
        if (f.length != 5 || f[2].length() < 8 || f[4].length() < 8) {
          throw new IllegalArgumentException("ingest.snmp-users: an entry is "
              + "name:SHA|SHA256:auth-passphrase:AES128|AES256:priv-passphrase, passphrases of "
              + "8 characters or more");
        }
        users.add(new UsmUser(new OctetString(f[0]), auth(f[1]), new OctetString(f[2]),
            priv(f[3]), new OctetString(f[4])));
      }
    }
    return new SnmpUsers(users);
  }

  public int size() {
    return users.size();
  }

  void addTo(USM usm) {
    users.forEach(u -> usm.addUser(u.getSecurityName(), u));
  }

  private static OID auth(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "SHA" -> AuthSHA.ID;
      case "SHA256" -> AuthHMAC192SHA256.ID;
      default -> throw new IllegalArgumentException("unknown SNMPv3 auth protocol " + name);
    };
  }

  private static OID priv(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "AES128", "AES" -> PrivAES128.ID;
      case "AES256" -> PrivAES256.ID;
      default -> throw new IllegalArgumentException("unknown SNMPv3 privacy protocol " + name);
    };
  }
}
