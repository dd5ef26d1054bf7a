package com.towerco.kpi.stream;

import com.towerco.events.payload.site.SiteRegistered;
import com.towerco.kpi.domain.DcWindow;
import com.towerco.kpi.domain.SiteTerms;
import com.towerco.platform.inventory.SiteDirectory;
import java.util.List;

/** Site terms read from the inventory topic's in-memory view. */
final class InventoryTerms implements SiteTerms {
  private final SiteDirectory directory;

  InventoryTerms(SiteDirectory directory) {
    this.directory = directory;
  }

  @Override
  public String region(String siteId) {
    return directory.site(siteId).map(SiteDirectory.Site::region).orElse("unknown");
  }

  /** Asked for every tenancy of every reading: a loop, no lambda or optional per call. */
  @Override
  public DcWindow dcWindow(String siteId, String tenantId) {
    SiteDirectory.Site site = directory.site(siteId).orElse(null);
    if (site != null) {
      for (SiteRegistered.Tenancy t : site.tenancies()) {
        if (t.tenantId().equals(tenantId)) {
          return new DcWindow(t.dcMinV(), t.dcMaxV());
        }
      }
    }
    return DcWindow.DEFAULT;
  }

  @Override
  public List<String> tenants(String siteId) {
    return directory.site(siteId)
        .map(site -> site.tenancies().stream().map(SiteRegistered.Tenancy::tenantId).toList())
        .orElse(List.of());
  }
}
