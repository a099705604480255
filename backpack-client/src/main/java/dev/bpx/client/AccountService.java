package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.internal.ApiRequest;
import dev.bpx.client.internal.WireFormat;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.model.AccountSettings;
import dev.bpx.client.model.CollateralSummary;
import dev.bpx.client.model.Position;
import dev.bpx.client.request.AccountSettingsUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account ({@code backpack-api.md} 2.2, 2.5, 6): settings, perp positions and the collateral /
 * margin summary. All signed.
 *
 * <p>Every method may throw {@link ValidationException} (nothing sent, including "no API keys"),
 * {@link ApiException} and subtypes, {@link NetworkException} or {@link ResponseFormatException}.
 *
 * <p>Thread-safe. Get it from {@link BackpackClient#account()}.
 */
public final class AccountService {
  private final SignedCalls calls;

  AccountService(SignedCalls calls) {
    this.calls = calls;
  }

  /** {@return the account's settings, limits and fee tiers ({@code GET /api/v1/account})} */
  public AccountSettings getSettings() {
    ApiRequest api = ApiRequest.get("/api/v1/account");
    return calls.get(api, AccountSettings.class);
  }

  /**
   * Changes account settings ({@code PATCH /api/v1/account}; the exchange answers 200 with no body).
   * Not retried after an unknown outcome; read the settings back with {@link #getSettings()}.
   *
   * @throws ValidationException if the update is empty or invalid
   */
  public void updateSettings(AccountSettingsUpdate update) {
    Args.required("update", update, "build one with AccountSettingsUpdate.builder()");
    update.validate();
    Map<String, Object> body = WireFormat.accountSettings(update);
    String changes = body.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .collect(java.util.stream.Collectors.joining(", "));
    calls.write(() -> JournalRecord.intent("settings").detail(changes), ApiRequest.patch("/api/v1/account", body));
  }

  /** {@return every open perp position ({@code GET /api/v1/position}); {@code estLiquidationPrice} is only accurate per symbol} */
  public List<Position> listPositions() {
    ApiRequest api = ApiRequest.get("/api/v1/position");
    return calls.listWithNetQuantity(api, Position.class, Position::symbol, Position::netQuantity);
  }

  /**
   * {@return the open position in one market, with an accurate {@code estLiquidationPrice}; empty
   * when there is none (the exchange answers 404 or an empty list)}
   */
  public Optional<Position> getPosition(String symbol) {
    ApiRequest api = ApiRequest.get("/api/v1/position", Map.of("symbol", Args.symbol(symbol)));
    List<Position> positions;
    try {
      positions = calls.list(api, Position.class);
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
    return positions.stream().filter(p -> symbol.equals(p.symbol())).findFirst();
  }

  /** {@return equity, margin fractions and per-asset collateral ({@code GET /api/v1/capital/collateral})} */
  public CollateralSummary getCollateralSummary() {
    ApiRequest api = ApiRequest.get("/api/v1/capital/collateral");
    return calls.get(api, CollateralSummary.class);
  }
}
