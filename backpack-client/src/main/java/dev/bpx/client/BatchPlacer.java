package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.BackpackException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.exception.ValidationException.Violation;
import dev.bpx.client.internal.ApiRequest;
import dev.bpx.client.internal.HttpTransport;
import dev.bpx.client.internal.ResponseDecoder;
import dev.bpx.client.internal.WireFormat;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.model.BatchOrderResult;
import dev.bpx.client.request.MarketRules;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Places a batch of orders for {@link OrderService}: every order checked (filters, limits, circuit
 * breakers, the batch's own orders counted against each other) before one request is sent, and an
 * answer that cannot be matched order by order taken as an unknown outcome, never re-sent.
 *
 * <p>Thread-safe.
 */
final class BatchPlacer {
  private final HttpTransport transport;
  private final ResponseDecoder decoder;
  private final PreTradeChecks checks;
  private final DailyBreakers daily;
  private final JournalHook journal;
  private final PlacementGate gate;
  private final PlacementsInFlight inFlight;

  BatchPlacer(HttpTransport transport, ResponseDecoder decoder, PreTradeChecks checks, DailyBreakers daily,
      JournalHook journal, PlacementGate gate, PlacementsInFlight inFlight) {
    this.transport = transport;
    this.decoder = decoder;
    this.checks = checks;
    this.daily = daily;
    this.journal = journal;
    this.gate = gate;
    this.inFlight = inFlight;
  }

  /**
   * As {@link OrderService#placeBatch}. The checks and the send run through the {@link PlacementGate}
   * as a single order's do, and every order of the batch is in flight until the answer.
   */
  List<BatchOrderResult> place(List<OrderRequest> requests) {
    Args.required("requests", requests, "give at least one OrderRequest");
    if (requests.isEmpty()) {
      throw new ValidationException("requests", "is empty", "give at least one OrderRequest");
    }
    return inFlight.during(requests, () -> gate.through(requests, () -> checkAndSend(requests)));
  }

  private List<BatchOrderResult> checkAndSend(List<OrderRequest> requests) {
    List<Violation> problems = new ArrayList<>();
    List<Map<String, Object>> body = new ArrayList<>();
    List<OrderRequest> ahead = new ArrayList<>();
    BigDecimal notionalAhead = BigDecimal.ZERO;
    List<BigDecimal> notionals = new ArrayList<>();
    Map<String, Optional<BigDecimal>> lastPrices = new HashMap<>();
    for (int i = 0; i < requests.size(); i++) {
      OrderRequest request = requests.get(i);
      String prefix = "orders[" + i + "].";
      try {
        Args.required("request", request, "remove the null entry");
        request.validate();
        MarketRules rules = checks.marketRules().apply(request.symbol());
        List<Violation> filters = new ArrayList<>(rules.check(request));
        if (filters.isEmpty()) {
          filters.addAll(checks.band(request, rules, lastPrices));
        }
        problems.addAll(filters.stream()
            .map(v -> new Violation(prefix + v.field(), v.reason(), v.fix())).collect(Collectors.toList()));
        BigDecimal notional = checks.notional(request);
        notionals.add(notional);
        String limitProblem = checks.limits().problem(request, notional);
        if (limitProblem != null) {
          problems.add(new Violation(prefix + "order", limitProblem, "nothing was sent"));
        }
        for (String breaker : checks.breakers().problems(request, ahead, notional, notionalAhead)) {
          problems.add(new Violation(prefix + "order", breaker, "nothing was sent"));
        }
        if (notional != null && !Boolean.TRUE.equals(request.reduceOnly())) {
          notionalAhead = notionalAhead.add(notional);
        }
        if (!Boolean.TRUE.equals(request.reduceOnly())) {
          ahead.add(request);
        }
        body.add(WireFormat.order(request));
      } catch (ValidationException e) {
        e.violations().forEach(v -> problems.add(new Violation(prefix + v.field(), v.reason(), v.fix())));
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    ApiRequest api = ApiRequest.postBatch("/api/v1/orders", body);
    long countedAt = daily.countBatch(requests, notionals);
    try {
      return journal.aroundAll(() -> requests.stream().map(r -> JournalHook.order("batch", r)).toList(),
          () -> sendBatch(api, requests, countedAt), BatchPlacer::batchOutcomes);
    } catch (ValidationException e) {
      // The journal could not take the intents: nothing was sent, so nothing counts.
      daily.uncount(requests.stream().map(OrderRequest::clientId).toList(), countedAt);
      throw e;
    }
  }

  private static List<JournalRecord.Builder> batchOutcomes(List<JournalRecord> intents, List<BatchOrderResult> results) {
    List<JournalRecord.Builder> outcomes = new ArrayList<>();
    for (int i = 0; i < intents.size(); i++) { // sendBatch returns exactly one result per order
      BatchOrderResult result = results.get(i);
      if (result.ok()) {
        outcomes.add(JournalHook.placed(intents.get(i), result.order()));
      } else {
        outcomes.add(JournalRecord.outcome(intents.get(i), "refused").reason(result.code() + ": " + result.message()));
      }
    }
    return outcomes;
  }

  private List<BatchOrderResult> sendBatch(ApiRequest api, List<OrderRequest> requests, long countedAt) {
    List<Long> all = requests.stream().map(OrderRequest::clientId).toList();
    List<BatchOrderResult> results;
    try {
      results = decoder.decodeList(api, transport.execute(api), BatchOrderResult.class);
    } catch (NetworkException | ApiException e) {
      if (SendFailures.certainlyNotPlaced(e)) {
        daily.uncount(all, countedAt);
        throw e;
      }
      throw batchUnknown(api, requests, e);
    } catch (ResponseFormatException e) {
      // A 2xx the client cannot read: the exchange took the batch, and what it did with each order is unknown.
      throw batchUnknown(api, requests, e);
    }
    if (results.size() != requests.size()) {
      // Results are matched to orders by position: with one missing or extra, none is surely whose.
      throw batchUnknown(api, requests, new ResponseFormatException(api.endpoint(), "$",
          "the answer has " + results.size() + " result(s) for " + requests.size() + " order(s)", null));
    }
    List<Long> refused = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      if (!results.get(i).ok()) {
        refused.add(requests.get(i).clientId());
      }
    }
    daily.uncount(refused, countedAt);
    return results;
  }

  private static NetworkException batchUnknown(ApiRequest api, List<OrderRequest> requests, BackpackException cause) {
    String ids = requests.stream().map(r -> r.symbol() + ":" + r.clientId()).collect(Collectors.joining(", "));
    return new NetworkException(api.endpoint() + ": the batch may have reached the exchange and got no usable"
        + " answer, so the outcome is unknown; it is not re-sent. Look for these symbol:clientId pairs"
        + " among the open orders and in the order history before placing them again: " + ids, api.method(), api.path(), true, null, cause);
  }
}
