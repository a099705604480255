package dev.bpx.paper.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.bpx.paper.command.ApiError;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.store.SnapshotReader;
import dev.bpx.paper.store.SnapshotWriter;

import dev.bpx.auth.json.Json;
import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.PaperExchange;
import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.market.DefaultMarkets;
import dev.bpx.paper.matching.Order;
import dev.bpx.paper.matching.OrderStatus;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The clientId rules, now answered from an index rather than a scan of the account's history. */
class ClientIdTest {
  private static final long T0 = 1_772_366_400_000L;
  private static final String REST = "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
      + "\"price\":\"100.00\",\"quantity\":\"1\",\"clientId\":7}";
  private static final String TRIGGER = "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Limit\","
      + "\"price\":\"100.00\",\"triggerPrice\":\"100.00\",\"triggerQuantity\":\"1\",\"clientId\":7}";

  private final Engine engine = newEngine();
  private final Account alice = engine.accounts().create("alice");

  private static Engine newEngine() {
    Engine e = new Engine(new EngineConfig(5, T0, DefaultMarkets.assets(), DefaultMarkets.markets(),
        PaperExchange.Builder.defaultPortfolio(), 20));
    e.advanceTo(T0);
    e.setPrice("SOL_USDC", new BigDecimal("200.00"));
    return e;
  }

  private Order place(Engine e, Account a, String json) {
    return e.placeOrder(a, OrderRequest.parse(Json.parse(json)));
  }

  @Test
  void aClientIdIsRefusedWhileItsOrderIsOpenAndFreeOnceItIsCancelled() {
    Order first = place(engine, alice, REST);
    assertThatThrownBy(() -> place(engine, alice, REST)).isInstanceOf(ApiError.class)
        .hasMessage("Order with client ID already exists: 7");
    assertThatThrownBy(() -> place(engine, alice, TRIGGER)).isInstanceOf(ApiError.class)
        .hasMessage("Order with client ID already exists: 7");

    assertThat(engine.cancelOrder(alice, "SOL_USDC", null, 7L)).isSameAs(first);
    assertThat(first.status()).isEqualTo(OrderStatus.Cancelled);
    assertThatThrownBy(() -> engine.cancelOrder(alice, "SOL_USDC", null, 7L)).isInstanceOf(ApiError.class);

    Order pending = place(engine, alice, TRIGGER);
    assertThat(pending.status()).isEqualTo(OrderStatus.TriggerPending);
    assertThatThrownBy(() -> place(engine, alice, REST)).isInstanceOf(ApiError.class)
        .hasMessage("Order with client ID already exists: 7");
    assertThat(engine.cancelOrder(alice, "SOL_USDC", null, 7L)).isSameAs(pending);
    assertThat(place(engine, alice, REST).status()).isEqualTo(OrderStatus.New);
  }

  @Test
  void aClientIdMustBeAJsonIntegerInRange() {
    // The spec types clientId integer (uint32): the exchange's typed parse refuses "7" in quotes, as it would.
    assertThatThrownBy(() -> OrderRequest.parse(Json.parse(REST.replace("\"clientId\":7", "\"clientId\":\"7\""))))
        .hasMessageContaining("`clientId` must be a JSON number, not a string");
    assertThatThrownBy(() -> OrderRequest.parse(Json.parse(REST.replace("\"clientId\":7", "\"clientId\":true"))))
        .hasMessageContaining("`clientId` must be a JSON number, not a boolean");
    assertThatThrownBy(() -> OrderRequest.parse(Json.parse(REST.replace("\"clientId\":7", "\"clientId\":4294967296"))))
        .hasMessageContaining("invalid value for `clientId`");
    assertThatThrownBy(() -> OrderRequest.parse(Json.parse(REST.replace("\"clientId\":7", "\"clientId\":1.5"))))
        .hasMessageContaining("invalid value for `clientId`");
    assertThat(place(engine, alice, REST.replace("\"clientId\":7", "\"clientId\":4294967295")).clientId())
        .isEqualTo(4_294_967_295L);
  }

  @Test
  void anotherAccountsClientIdAndAnotherSymbolDoNotCount() {
    place(engine, alice, REST);
    Account bob = engine.accounts().create("bob");
    assertThat(place(engine, bob, REST).status()).isEqualTo(OrderStatus.New);
    assertThatThrownBy(() -> engine.cancelOrder(alice, "SOL_USDC_PERP", null, 7L)).isInstanceOf(ApiError.class);
  }

  @Test
  void theRuleHoldsAfterASnapshotRestoreAndAfterAReset() {
    place(engine, alice, REST);
    engine.cancelOrder(alice, "SOL_USDC", null, 7L);
    Order open = place(engine, alice, REST);

    @SuppressWarnings("unchecked")
    Map<String, Object> state = (Map<String, Object>) Json.parse(new JsonWriter().raw(SnapshotWriter.write(engine))
        .toString());
    Engine restored = newEngine();
    SnapshotReader.restore(restored, state);
    Account again = restored.accounts().find("alice");
    assertThatThrownBy(() -> place(restored, again, REST)).isInstanceOf(ApiError.class)
        .hasMessage("Order with client ID already exists: 7");
    assertThat(restored.cancelOrder(again, "SOL_USDC", null, 7L).id()).isEqualTo(open.id());

    engine.reset.reset(alice);
    assertThat(place(engine, alice, REST).status()).isEqualTo(OrderStatus.New);
  }
}
