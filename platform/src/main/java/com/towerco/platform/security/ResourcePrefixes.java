package com.towerco.platform.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks that no service's group, transactional-id or internal-topic prefix covers another
 * service's: a prefix ACL on {@code towerco-kpi} would otherwise let one service join, fence or
 * read another's groups, transactions or state.
 */
final class ResourcePrefixes {
  private ResourcePrefixes() {}

  static void requireDisjoint(List<KafkaAccess> services) {
    record Owned(String service, String prefix) {}
    List<Owned> all = new ArrayList<>();
    for (KafkaAccess s : services) {
      for (List<String> prefixes : List.of(s.groupPrefixes(), s.transactionalIdPrefixes(),
          s.internalTopicPrefixes())) {
        prefixes.forEach(p -> all.add(new Owned(s.service(), p)));
      }
    }
    for (Owned a : all) {
      for (Owned b : all) {
        if (!a.service().equals(b.service()) && b.prefix().startsWith(a.prefix())) {
          throw new IllegalStateException("service " + a.service() + "'s prefix " + a.prefix()
              + " covers service " + b.service() + "'s " + b.prefix());
        }
      }
    }
  }
}
