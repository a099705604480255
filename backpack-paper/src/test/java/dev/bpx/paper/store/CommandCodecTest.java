package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import dev.bpx.auth.json.JsonWriter;
import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.CommandParser;
import dev.bpx.paper.command.OrderRequest;
import dev.bpx.paper.command.Outcome;
import dev.bpx.paper.matching.OrderStatus;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every command kind and outcome survives the journal's line format exactly, decimal scales included. */
class CommandCodecTest {
  private static final OrderRequest EVERY_FIELD = CommandParser.order("k", Json.parse("""
      {"symbol":"SOL_USDC_PERP","side":"Ask","orderType":"Limit","price":"150.10","quantity":"1.50",
       "quoteQuantity":"2E+2","timeInForce":"IOC","postOnly":true,"reduceOnly":false,"clientId":4294967295,
       "selfTradePrevention":"RejectBoth","triggerPrice":"140.0","triggerQuantity":"50%","triggerBy":"MarkPrice",
       "stopLossTriggerPrice":"120","stopLossLimitPrice":"119.5","stopLossTriggerBy":"LastPrice",
       "takeProfitTriggerPrice":"180","takeProfitLimitPrice":"181.00","takeProfitTriggerBy":"IndexPrice"}""")).order();
  private static final OrderRequest FEWEST_FIELDS = CommandParser.order("k", Json.parse(
      "{\"symbol\":\"SOL_USDC\",\"side\":\"Bid\",\"orderType\":\"Market\",\"quantity\":\"0.10\"}")).order();

  private static final List<Command> EVERY_KIND = List.of(
      new Command.CreateAccount("k"),
      new Command.UpdateAccount("k", true, false, null, new BigDecimal("5.0")),
      new Command.UpdateAccount("k", null, null, true, null),
      new Command.PlaceOrder("k", EVERY_FIELD),
      new Command.PlaceOrders("k", List.of(FEWEST_FIELDS, EVERY_FIELD)),
      new Command.CancelOrder("k", "SOL_USDC", 4_200_000_007L, null),
      new Command.CancelOrder("k", "SOL_USDC", null, 7L),
      new Command.CancelAll("k", "SOL_USDC", "ConditionalOrder"),
      new Command.CancelAll("k", "SOL_USDC", null),
      new Command.BorrowLend("k", "SOL", Command.BorrowLendSide.Borrow, new BigDecimal("2.00")),
      new Command.SetPrice("SOL_USDC", new BigDecimal("100.00")),
      new Command.SetClock(5_700_000L),
      new Command.Tick(),
      new Command.Fund("k", "USDC", new BigDecimal("250.5")),
      new Command.Reset("k"));

  @Test
  void everyCommandKindDecodesToTheCommandThatWasEncoded() {
    for (Command c : EVERY_KIND) {
      String line = new JsonWriter().raw(CommandCodec.payload(c)).toString();
      Object payload = CommandCodec.payload(c) == null ? null : Json.parse(line);

      assertThat(CommandCodec.decode(CommandCodec.type(c), c.apiKey(), payload)).isEqualTo(c);
    }
  }

  @Test
  void everyOutcomeDecodesToTheOutcomeThatWasEncoded() {
    Outcome placed = new Outcome.Accepted(List.of(new Outcome.OrderState(4_200_000_007L, OrderStatus.PartiallyFilled),
        new Outcome.OrderState(3L, OrderStatus.Cancelled)));
    for (Outcome o : List.of(placed, Outcome.Accepted.NOTHING, new Outcome.Rejected("INSUFFICIENT_FUNDS"),
        new Outcome.Batch(List.of(placed, new Outcome.Rejected("INVALID_CLIENT_REQUEST"))))) {
      assertThat(OutcomeCodec.decode(Json.parse(OutcomeCodec.describe(o)))).isEqualTo(o);
    }
  }
}
