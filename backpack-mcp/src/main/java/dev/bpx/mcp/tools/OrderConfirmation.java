package dev.bpx.mcp.tools;

import dev.bpx.client.ClientIdConflict;
import dev.bpx.client.ConfirmationPolicy;
import dev.bpx.client.OrderLookup;
import dev.bpx.client.OrderPreview;
import dev.bpx.client.model.Order;
import dev.bpx.client.model.OrderType;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.MarketRules;
import dev.bpx.client.request.OrderRequest;
import dev.bpx.mcp.TradingSession;
import dev.bpx.mcp.config.Mode;
import dev.bpx.mcp.config.Settings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's side of {@code BACKPACK_CONFIRM_ORDERS}: before {@code create_order} sends an order the
 * {@link ConfirmationPolicy} covers, it previews the order, shows the user a one-screen summary and
 * lets the order through only on the user's yes. Every other answer (no, dismissed, no answer in
 * time, a client that cannot ask) ends the call with {@link OrderNotConfirmedException}: nothing sent.
 *
 * <p>Thread-safe (stateless).
 */
final class OrderConfirmation {
  private static final Logger log = LoggerFactory.getLogger(OrderConfirmation.class);

  private OrderConfirmation() {}

  /**
   * What the check decided: the request may be sent ({@code existing} null; {@code confirmed} when the
   * user said yes), or the caller's clientId already belongs to {@code existing}, which is the answer.
   */
  record Decision(boolean confirmed, Order existing) {
    static final Decision SEND = new Decision(false, null);
  }

  /**
   * Returns when {@code request} may be sent, or with the order that already has its clientId.
   *
   * <p>An order found here is the answer itself: the call must not go on to the placement, whose own
   * lookup could miss it a moment later (its lookback passed, a history read lagging) and then send an
   * order nobody confirmed.
   *
   * @param chosenClientId whether the caller chose the clientId: then an order that already has it is
   *     returned, with nothing new to confirm (refused with a {@code ValidationException} when it differs
   *     from the request)
   * @throws OrderNotConfirmedException when it needed confirmation and did not get it (nothing sent)
   */
  static Decision check(TradingSession session, OrderRequest request, boolean chosenClientId, UserConfirmation user) {
    ConfirmationPolicy policy = session.config().confirmOrders();
    if (!policy.covers(request)) {
      return Decision.SEND;
    }
    if (chosenClientId) {
      Optional<OrderLookup> existing = session.client().orders().findOrder(request.symbol(), null, request.clientId());
      if (existing.isPresent()) {
        // The same clientId with other arguments is refused here as the placement would refuse it.
        ClientIdConflict.requireSame(request, existing.get().order());
        return new Decision(false, existing.get().order());
      }
    }
    OrderPreview preview = session.client().orders().preview(request);
    if (!policy.requires(request, preview.orderNotional())) {
      return Decision.SEND;
    }
    if (!preview.acceptable()) {
      // Asking the user about an order that would be refused wastes their attention; and sending it
      // unasked, hoping the exchange refuses it, would not be failing closed.
      throw new OrderNotConfirmedException("Not placed: the order needs the user's confirmation (" + Settings.CONFIRM_ORDERS
          + "=" + policy + ") and would be refused anyway: " + String.join("; ", preview.problems())
          + ". Nothing was sent to the exchange. Change the request and call again.");
    }
    MarketRules market = session.client().orders().getMarketRules(request.symbol());
    Duration timeout = session.config().confirmTimeout();
    UserConfirmation.Answer answer = user.ask(summary(request, preview, market, session.mode()), timeout);
    log.info("order confirmation for clientId {}: {}", request.clientId(), answer.kind());
    if (answer.confirmed()) {
      return new Decision(true, null);
    }
    throw new OrderNotConfirmedException(refusal(answer, policy, timeout));
  }

  static String refusal(UserConfirmation.Answer answer, ConfirmationPolicy policy, Duration timeout) {
    String nothing = " Nothing was sent to the exchange.";
    switch (answer.kind()) {
      case DECLINED:
        return "Not placed: the user declined the order." + nothing + " Do not place it again unless the user asks for it.";
      case CANCELLED:
        return "Not placed: the user closed the confirmation without confirming." + nothing
            + " Ask the user before trying again.";
      case TIMED_OUT:
        return "Not placed: the user did not confirm within " + timeout.toSeconds() + " s." + nothing
            + " Ask the user; calling create_order again asks them again.";
      case UNSUPPORTED:
        return "Not placed: " + Settings.CONFIRM_ORDERS + "=" + policy + " requires the user to confirm this order, and this MCP"
            + " client cannot ask (it does not support elicitation)." + nothing + " Retrying will not help. Tell the user:"
            + " to trade without confirmation, set " + Settings.CONFIRM_ORDERS + "=never (or above:<notional> to confirm"
            + " only larger orders) in the server's configuration and restart it; the safety limits"
            + " (BACKPACK_MAX_ORDER_NOTIONAL and the circuit breakers) still apply. Or use an MCP client that supports elicitation.";
      default:
        return "Not placed: asking the user for confirmation failed (" + answer.detail() + ")." + nothing
            + " Call create_order again to ask again.";
    }
  }

  /**
   * {@return what the user reads before saying yes: the order, its estimated fill, value, fee, and for
   * perpetuals the position and liquidation price after it, and the mode} Estimates at the market's
   * precision, as the preview tool shows them.
   */
  static String summary(OrderRequest r, OrderPreview p, MarketRules market, Mode mode) {
    int priceScale = Text.scale(market.tickSize());
    int quantityScale = Text.scale(market.stepSize());
    int quoteScale = priceScale + quantityScale;
    String quote = quoteAsset(r.symbol());
    StringBuilder s = new StringBuilder();
    s.append(mode == Mode.LIVE ? "LIVE order, real funds" : "PAPER order, no real money").append(". Place it?\n");
    s.append(r.side() == Side.BID ? "Buy " : "Sell ");
    if (r.quantity() != null) {
      s.append(Text.plain(r.quantity())).append(' ').append(r.symbol());
    } else {
      s.append(r.symbol()).append(" for ").append(Text.plain(r.quoteQuantity())).append(' ').append(quote);
    }
    if (r.orderType() == OrderType.LIMIT) {
      s.append(", limit ").append(Text.plain(r.price()));
    } else {
      s.append(", market");
    }
    if (r.triggerPrice() != null) {
      s.append(", when the ").append(Text.wire(r.triggerBy())).append(" reaches ").append(Text.plain(r.triggerPrice()));
    }
    s.append('\n');
    if (p.estimatedFillQuantity() != null && p.estimatedFillQuantity().signum() > 0) {
      s.append("Fills now: ~").append(Text.rounded(p.estimatedFillQuantity(), quantityScale)).append(" at ~")
          .append(Text.rounded(p.estimatedAveragePrice(), priceScale)).append('\n');
    }
    if (p.restingQuantity() != null && p.restingQuantity().signum() > 0) {
      s.append("Rests on the book: ").append(Text.rounded(p.restingQuantity(), quantityScale)).append('\n');
    }
    s.append("Notional: ").append(amount(p.orderNotional(), quoteScale, quote)).append('\n');
    s.append("Fee: ~").append(amount(p.estimatedFee(), quoteScale, quote)).append('\n');
    if (r.takeProfitTriggerPrice() != null || r.stopLossTriggerPrice() != null) {
      s.append("Take profit ").append(Text.plain(r.takeProfitTriggerPrice())).append(", stop loss ")
          .append(Text.plain(r.stopLossTriggerPrice())).append('\n');
    }
    if (p.resultingPositionQuantity() != null) {
      s.append("Position after: ").append(Text.rounded(p.resultingPositionQuantity(), quantityScale)).append(" (now ")
          .append(Text.rounded(p.currentPositionQuantity(), quantityScale)).append("), est. liquidation price ")
          .append(p.estimatedLiquidationPrice() == null ? "none" : Text.rounded(p.estimatedLiquidationPrice(), priceScale)).append('\n');
    }
    for (String warning : p.warnings()) {
      s.append("Note: ").append(warning).append('\n');
    }
    s.append("clientId ").append(r.clientId()).append(". Requested by the assistant; only you can confirm it.");
    return s.toString();
  }

  private static String amount(BigDecimal value, int scale, String asset) {
    return value == null ? "unknown" : Text.rounded(value, scale) + " " + asset;
  }

  /** {@return the quote asset of a symbol such as SOL_USDC or SOL_USDC_PERP} */
  private static String quoteAsset(String symbol) {
    String[] parts = symbol.split("_");
    return parts.length > 1 ? parts[1] : "";
  }
}
