package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.internal.ApiRequest;
import dev.bpx.client.internal.ResponseDecoder;
import dev.bpx.client.internal.WireFormat;
import dev.bpx.client.model.BorrowLendMovement;
import dev.bpx.client.model.Fill;
import dev.bpx.client.model.FundingPayment;
import dev.bpx.client.model.HistoricalOrder;
import dev.bpx.client.model.InterestPayment;
import dev.bpx.client.model.PositionHistoryEntry;
import dev.bpx.client.model.Settlement;
import dev.bpx.client.request.BorrowLendHistoryQuery;
import dev.bpx.client.request.FillHistoryQuery;
import dev.bpx.client.request.FundingPaymentQuery;
import dev.bpx.client.request.HistoryQuery;
import dev.bpx.client.request.InterestHistoryQuery;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.client.request.PositionHistoryQuery;
import dev.bpx.client.request.SettlementHistoryQuery;
import java.util.List;

/**
 * The account's history ({@code backpack-api.md} 2.6, {@code /wapi/v1/history/...}): orders, fills,
 * funding payments, interest, borrow-lend movements, positions and settlements. All signed; paged
 * with {@code limit} (at most 1000) and {@code offset}. Timestamps there are naive UTC date-times,
 * read as {@link java.time.Instant}.
 *
 * <p>The {@code symbol} filter of the order, fill, funding and position queries must name a market the
 * exchange lists (checked against the cached market list, as orders are; a delisted market's history
 * needs a query without it).
 *
 * <p>Every method may throw {@link ValidationException} (nothing sent, including "no API keys"),
 * {@link ApiException} and subtypes, {@link NetworkException} or {@link ResponseFormatException}.
 *
 * <p>Thread-safe. Get it from {@link BackpackClient#history()}.
 */
public final class HistoryService {
  private final SignedCalls calls;
  private final MarketCache markets;

  /** @param markets checks a query's symbol filter: the exchange answers an unknown one with an empty list */
  HistoryService(SignedCalls calls, MarketCache markets) {
    this.calls = calls;
    this.markets = markets;
  }

  /** {@return past and present orders of every status ({@code GET /wapi/v1/history/orders})} */
  public List<HistoricalOrder> listOrders(OrderHistoryQuery query) {
    List<HistoricalOrder> orders = marketList("/wapi/v1/history/orders", query, HistoricalOrder.class);
    ApiRequest api = ApiRequest.get("/wapi/v1/history/orders");
    for (int i = 0; i < orders.size(); i++) {
      ResponseDecoder.require(api, orders.get(i).id(), "$[" + i + "].id");
    }
    return orders;
  }

  /** {@return the account's fills ({@code GET /wapi/v1/history/fills}); pass {@code fillType(USER)} to leave out liquidations} */
  public List<Fill> listFills(FillHistoryQuery query) {
    return marketList("/wapi/v1/history/fills", query, Fill.class);
  }

  /** {@return funding paid (negative) and received (positive) ({@code GET /wapi/v1/history/funding})} */
  public List<FundingPayment> listFundingPayments(FundingPaymentQuery query) {
    return marketList("/wapi/v1/history/funding", query, FundingPayment.class);
  }

  /** {@return interest paid and earned ({@code GET /wapi/v1/history/interest})} */
  public List<InterestPayment> listInterestPayments(InterestHistoryQuery query) {
    return list("/wapi/v1/history/interest", query, InterestPayment.class);
  }

  /** {@return borrow, repay, lend and redeem movements ({@code GET /wapi/v1/history/borrowLend})} */
  public List<BorrowLendMovement> listBorrowLendMovements(BorrowLendHistoryQuery query) {
    return list("/wapi/v1/history/borrowLend", query, BorrowLendMovement.class);
  }

  /** {@return open and closed perp positions with realized PnL ({@code GET /wapi/v1/history/position})} */
  public List<PositionHistoryEntry> listPositions(PositionHistoryQuery query) {
    return marketList("/wapi/v1/history/position", query, PositionHistoryEntry.class);
  }

  /** {@return settlements: fees, funding, realized PnL ({@code GET /wapi/v1/history/settlement})} */
  public List<Settlement> listSettlements(SettlementHistoryQuery query) {
    return list("/wapi/v1/history/settlement", query, Settlement.class);
  }

  private <T> List<T> list(String path, HistoryQuery query, Class<T> type) {
    // Queries are built validated; this also catches a null one, which has no builder to blame.
    Args.required("query", query, "build one with the query's builder(), or use its all()");
    query.validate();
    return calls.list(ApiRequest.get(path, WireFormat.query(query)), type);
  }

  /**
   * As {@link #list} for a query whose {@code symbol} filter is a market (orders, fills, funding,
   * positions; in the borrow-lend and interest queries it is an asset or a lending market). The exchange
   * answers an unknown market with an empty page, which reads as "no history", so an unknown symbol is
   * refused here instead, and a malformed order id too.
   */
  private <T> List<T> marketList(String path, HistoryQuery query, Class<T> type) {
    Args.required("query", query, "build one with the query's builder(), or use its all()");
    query.validate();
    if (query.filters().get("orderId") instanceof String orderId) {
      Args.orderId(orderId);
    }
    if (query.filters().get("symbol") instanceof String symbol) {
      markets.known(symbol);
    }
    return list(path, query, type);
  }
}
