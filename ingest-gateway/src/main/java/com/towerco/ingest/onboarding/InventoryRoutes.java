package com.towerco.ingest.onboarding;

import com.towerco.events.Ids;
import com.towerco.ingest.domain.SiteSheet;
import com.towerco.platform.access.Visibility;
import com.towerco.platform.http.ApiException;
import com.towerco.platform.http.Caller;
import com.towerco.platform.http.HttpRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The NOC's inventory routes: {@code POST /api/v1/inventory/sites} takes a CSV sheet
 * ({@link SiteSheet}) and registers (or updates) every good row, answering which sites were
 * registered and what was wrong with the other rows; {@code DELETE
 * /api/v1/inventory/sites/{id}?reason=...} decommissions a site. Tenants are refused: the
 * inventory holds every tenant's tenancies.
 */
public final class InventoryRoutes implements HttpRoutes {
  public static final String SITES = "/api/v1/inventory/sites";

  private final Supplier<Onboarding> onboarding;

  public InventoryRoutes(Supplier<Onboarding> onboarding) {
    this.onboarding = onboarding;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post(SITES, this::importSheet);
    routes.delete(SITES + "/{id}", this::decommission);
  }

  private void importSheet(Context ctx) {
    Caller caller = Caller.of(ctx);
    Visibility.requireOperator(caller.viewer());
    SiteSheet.Parsed sheet = SiteSheet.read(ctx.body());
    if (sheet.rows().isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "no site to register: "
          + String.join("; ", sheet.errors().isEmpty() ? List.of("the sheet is empty")
              : sheet.errors()));
    }
    List<String> registered = ready().register(sheet.rows(), caller.user());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("registered", registered);
    answer.put("errors", sheet.errors());
    ctx.status(HttpStatus.OK).json(answer);
  }

  private void decommission(Context ctx) {
    Caller caller = Caller.of(ctx);
    Visibility.requireOperator(caller.viewer());
    String siteId = ctx.pathParam("id");
    if (!Ids.valid(siteId)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "not a site id");
    }
    String reason = ctx.queryParam("reason");
    ready().decommission(siteId, reason == null || reason.isBlank()
        ? "decommissioned by " + caller.user() : reason, caller.user());
    ctx.status(HttpStatus.OK).json(Map.of("decommissioned", siteId));
  }

  private Onboarding ready() {
    Onboarding o = onboarding.get();
    if (o == null) {
      throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the inventory service is starting");
    }
    return o;
  }
}
