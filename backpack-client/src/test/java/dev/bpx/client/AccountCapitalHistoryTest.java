package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.model.Balance;
import dev.bpx.client.model.BorrowLendEventType;
import dev.bpx.client.model.CapitalBalance;
import dev.bpx.client.model.FillType;
import dev.bpx.client.model.InterestPaymentSource;
import dev.bpx.client.model.MarketType;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.PositionState;
import dev.bpx.client.model.SortDirection;
import dev.bpx.client.request.AccountSettingsUpdate;
import dev.bpx.client.request.BorrowLendHistoryQuery;
import dev.bpx.client.request.FillHistoryQuery;
import dev.bpx.client.request.FundingPaymentQuery;
import dev.bpx.client.request.InterestHistoryQuery;
import dev.bpx.client.request.OrderHistoryQuery;
import dev.bpx.client.request.PositionHistoryQuery;
import dev.bpx.client.request.SettlementHistoryQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The signed account, capital and history endpoints: exact request, valid signature, parsed answer. */
class AccountCapitalHistoryTest {
  private static final String POSITION = """
      {"breakEvenPrice":"4460.3195","cumulativeFundingPayment":"-0.022061","cumulativeInterest":"0",
       "entryPrice":"4447.065","estLiquidationPrice":"0","imf":"0.02","markPrice":"4420.23644794","mmf":"0.0125",
       "netCost":"8.89413","netExposureNotional":"8.84047289588","netExposureQuantity":"0.002","netQuantity":"0.002",
       "pnlRealized":"-0.054434","pnlUnrealized":"0.000776","positionId":"5479295502","subaccountId":null,
       "symbol":"ETH_USDC_PERP","userId":1813870}""";

  private final TestExchange exchange = new TestExchange();
  private final BackpackClient client = exchange.client;

  @AfterEach
  void close() {
    exchange.close();
  }

  private RecordedRequest takeSigned(String method, String path, String query) {
    RecordedRequest request = exchange.take(method, path, query);
    exchange.assertSigned(request);
    return request;
  }

  @Test
  void settingsAreReadAndUpdatedWithPatchAndAnEmptyAnswer() {
    exchange.enqueueJson("{\"autoLend\":true,\"leverageLimit\":\"10\",\"spotMakerFee\":\"8\",\"limitOrders\":1}");
    exchange.enqueueEmpty(200);

    assertThat(client.account().getSettings().spotMakerFee()).isEqualByComparingTo("8");
    client.account().updateSettings(
        AccountSettingsUpdate.builder().autoLend(false).leverageLimit(new BigDecimal("5")).build());

    takeSigned("GET", "/api/v1/account", null);
    RecordedRequest patch = takeSigned("PATCH", "/api/v1/account", null);
    assertThat(TestExchange.body(patch)).isEqualTo("{\"autoLend\":false,\"leverageLimit\":\"5\"}");
  }

  @Test
  void anEmptySettingsUpdateIsRejectedLocally() {
    assertThatThrownBy(() -> AccountSettingsUpdate.builder().build()).isInstanceOf(ValidationException.class);
  }

  @Test
  void positionsAllOrOneSymbolAndNotFoundIsEmpty() {
    exchange.enqueueJson("[" + POSITION + "]");
    exchange.enqueueJson("[" + POSITION + "]");
    exchange.enqueue(404, "{\"code\":\"RESOURCE_NOT_FOUND\",\"message\":\"Position not found\"}");

    List<Position> all = client.account().listPositions();
    Optional<Position> eth = client.account().getPosition("ETH_USDC_PERP");
    Optional<Position> sol = client.account().getPosition("SOL_USDC_PERP");

    takeSigned("GET", "/api/v1/position", null);
    takeSigned("GET", "/api/v1/position", "symbol=ETH_USDC_PERP");
    takeSigned("GET", "/api/v1/position", "symbol=SOL_USDC_PERP");
    assertThat(all).hasSize(1);
    assertThat(eth).get().extracting(Position::netQuantity).isEqualTo(new BigDecimal("0.002"));
    assertThat(sol).isEmpty();
  }

  @Test
  void collateralSummary() {
    exchange.enqueueJson("{\"assetsValue\":\"100\",\"netEquity\":\"100\",\"marginFraction\":null,"
        + "\"collateral\":[{\"symbol\":\"USDC\",\"lendQuantity\":\"10.65\",\"totalQuantity\":\"10.65\"}]}");

    assertThat(client.account().getCollateralSummary().netEquity()).isEqualByComparingTo("100");

    takeSigned("GET", "/api/v1/capital/collateral", null);
  }

  @Test
  void balancesAddLentFundsFromPositiveBorrowLendPositions() {
    exchange.enqueueJson("{\"USDC\":{\"available\":\"46.157501635\",\"locked\":\"1\",\"staked\":\"0\"},"
        + "\"SOL\":{\"available\":\"0.019109\",\"locked\":\"0\",\"staked\":\"0\"}}");
    exchange.enqueueJson("""
        [{"id":"1","symbol":"USDC","netQuantity":"950.0","netExposureQuantity":"0","netExposureNotional":"0",
          "markPrice":"1","cumulativeInterest":"0.41","imf":"0","mmf":"0","estLiquidationPrice":"0"},
         {"id":"2","symbol":"USDC","netQuantity":"0.00001"},
         {"id":"3","symbol":"SOL","netQuantity":"-2"},
         {"id":"4","symbol":"ETH","netQuantity":"0.5"}]""");

    List<Balance> balances = client.capital().listBalances();

    takeSigned("GET", "/api/v1/capital", null);
    takeSigned("GET", "/api/v1/borrowLend/positions", null);
    assertThat(balances).extracting(Balance::asset).containsExactly("ETH", "SOL", "USDC");
    Balance eth = balances.get(0);
    assertThat(eth.lent()).isEqualByComparingTo("0.5");
    assertThat(eth.available()).as("only lent: absent from /capital").isNull();
    assertThat(eth.total()).isEqualByComparingTo("0.5");
    Balance sol = balances.get(1);
    assertThat(sol.lent()).as("a borrow is not lent").isEqualByComparingTo("0");
    assertThat(sol.borrowed()).as("but shown as borrowed").isEqualByComparingTo("2");
    assertThat(sol.hasDebt()).isTrue();
    assertThat(eth.borrowed()).isEqualByComparingTo("0");
    Balance usdc = balances.get(2);
    assertThat(usdc.lent().toPlainString()).isEqualTo("950.00001");
    assertThat(usdc.borrowed()).isEqualByComparingTo("0");
    assertThat(usdc.hasDebt()).isFalse();
    assertThat(usdc.total()).isEqualByComparingTo("997.157511635");
  }

  @Test
  void rawCapitalBalancesKeepEveryAsset() {
    exchange.enqueueJson("{\"POINTS\":{\"available\":\"5\",\"locked\":\"0\",\"staked\":\"0\"}}");

    Map<String, CapitalBalance> capital = client.capital().listCapitalBalances();

    takeSigned("GET", "/api/v1/capital", null);
    assertThat(capital.get("POINTS").available()).isEqualByComparingTo("5");
  }

  @Test
  void lendAndRedeemPostBorrowLendWithSides() {
    exchange.enqueueEmpty(200);
    exchange.enqueueJson("[{\"symbol\":\"USDC\",\"netQuantity\":\"100.50\"}]");
    exchange.enqueueEmpty(200);

    client.capital().lend("USDC", new BigDecimal("100.50"));
    client.capital().redeem("USDC", new BigDecimal("25"));

    RecordedRequest lend = takeSigned("POST", "/api/v1/borrowLend", null);
    assertThat(TestExchange.body(lend)).isEqualTo("{\"quantity\":\"100.50\",\"side\":\"Lend\",\"symbol\":\"USDC\"}");
    takeSigned("GET", "/api/v1/borrowLend/positions", null); // a redeem checks what is lent first
    RecordedRequest redeem = takeSigned("POST", "/api/v1/borrowLend", null);
    assertThat(TestExchange.body(redeem)).isEqualTo("{\"quantity\":\"25\",\"side\":\"Borrow\",\"symbol\":\"USDC\"}");
  }

  @Test
  void lendRejectsANonPositiveQuantityWithoutSending() {
    assertThatThrownBy(() -> client.capital().lend("USDC", BigDecimal.ZERO)).isInstanceOf(ValidationException.class);
    assertThat(exchange.requestCount()).isZero();
  }

  @Test
  void historyOrdersAndFills() {
    exchange.enqueueMarkets(); // a symbol filter is checked against the market list first
    exchange.enqueueJson("[" + TestExchange.historicalOrder("1", 5, "SOL_USDC", "Filled", "2025-09-11T20:10:40.699") + "]");
    exchange.enqueueJson("[{\"clientId\":null,\"fee\":\"0.004974\",\"feeSymbol\":\"USDC\",\"isMaker\":false,"
        + "\"orderId\":\"4238907375\",\"price\":\"3826.15\",\"quantity\":\"0.0026\",\"side\":\"Bid\","
        + "\"symbol\":\"ETH_USDC_PERP\",\"systemOrderType\":null,\"timestamp\":\"2025-07-27T17:39:00.092\",\"tradeId\":9748827}]");

    assertThat(client.history().listOrders(OrderHistoryQuery.builder().symbol("SOL_USDC").marketType(MarketType.SPOT)
        .limit(50).offset(0).sortDirection(SortDirection.DESC).build())).hasSize(1);
    assertThat(client.history().listFills(FillHistoryQuery.builder().symbol("SOL_USDC_PERP")
        .from(Instant.ofEpochMilli(1753000000000L)).to(Instant.ofEpochMilli(1754000000000L)).fillType(FillType.USER)
        .build())).hasSize(1);

    exchange.take("GET", "/api/v1/markets", null);
    takeSigned("GET", "/wapi/v1/history/orders", "symbol=SOL_USDC&marketType=SPOT&limit=50&offset=0&sortDirection=Desc");
    takeSigned("GET", "/wapi/v1/history/fills", "symbol=SOL_USDC_PERP&from=1753000000000&to=1754000000000&fillType=User");
  }

  @Test
  void historyFundingInterestBorrowLendPositionsAndSettlements() {
    exchange.enqueueMarkets();
    for (int i = 0; i < 5; i++) {
      exchange.enqueueJson("[]");
    }

    client.history().listFundingPayments(FundingPaymentQuery.builder().symbol("SOL_USDC_PERP").limit(10).build());
    client.history().listInterestPayments(InterestHistoryQuery.builder().asset("USDC")
        .source(InterestPaymentSource.BORROW_LEND).build());
    client.history().listBorrowLendMovements(BorrowLendHistoryQuery.builder().symbol("USDC")
        .type(BorrowLendEventType.LEND).build());
    client.history().listPositions(PositionHistoryQuery.builder().state(PositionState.CLOSED).build());
    client.history().listSettlements(SettlementHistoryQuery.all());

    exchange.take("GET", "/api/v1/markets", null);
    takeSigned("GET", "/wapi/v1/history/funding", "symbol=SOL_USDC_PERP&limit=10");
    takeSigned("GET", "/wapi/v1/history/interest", "asset=USDC&source=BorrowLend");
    takeSigned("GET", "/wapi/v1/history/borrowLend", "symbol=USDC&type=Lend");
    takeSigned("GET", "/wapi/v1/history/position", "state=Closed");
    takeSigned("GET", "/wapi/v1/history/settlement", null);
  }

  @Test
  void historyQueriesReportEveryProblemAtOnce() {
    assertThatThrownBy(() -> FillHistoryQuery.builder().limit(0).offset(-1).fillType(FillType.UNKNOWN)
        .from(Instant.ofEpochSecond(10)).to(Instant.ofEpochSecond(5)).build())
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.fields()).containsExactlyInAnyOrder("fillType", "limit", "offset", "from"));
  }
}
