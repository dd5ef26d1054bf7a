package com.towerco.notification.domain;

import java.util.List;

/**
 * The notifier's view of configuration, changed at run time through events: each tenant's
 * routing (the API's latest, else the config file's, else log only), its silences, and the
 * service's delivery policy.
 */
public interface Settings {
  TenantRouting routing(String tenant);

  List<Silence> silences(String tenant);

  DeliveryPolicy delivery();
}
