package dev.bpx.paper.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.AccountSettings;
import dev.bpx.client.model.Balance;
import dev.bpx.client.model.BorrowLendPosition;
import dev.bpx.client.model.CollateralAsset;
import dev.bpx.client.model.CollateralSummary;
import dev.bpx.client.model.FundingPayment;
import dev.bpx.client.model.InterestPayment;
import dev.bpx.client.model.MaxOrderQuantity;
import dev.bpx.client.model.Position;
import dev.bpx.client.model.Side;
import dev.bpx.client.request.AccountSettingsUpdate;
import dev.bpx.client.request.FundingPaymentQuery;
import dev.bpx.client.request.InterestHistoryQuery;
import dev.bpx.client.request.MaxOrderQuantityQuery;
import dev.bpx.client.request.OrderRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Positions, balances, lending, collateral, settings and payments through the typed client. */
class ClientAccountTest {
  private final PaperWithClient px = new PaperWithClient();

  @BeforeEach
  void setUp() {
    px.paper.setPrice("SOL_USDC", new BigDecimal("150.00"));
    px.paper.setPrice("SOL_USDC_PERP", new BigDecimal("150.00"));
  }

  @AfterEach
  void tearDown() {
    px.close();
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  private Map<String, Balance> balances() {
    return px.client.capital().listBalances().stream().collect(Collectors.toMap(Balance::asset, Function.identity()));
  }

  private void buyPerp(String quantity) {
    px.client.orders().place(OrderRequest.marketByQuantity("SOL_USDC_PERP", Side.BID, d(quantity)).build());
  }

  @Test
  void theStartingPortfolioShowsAvailableLentAndStakedBalances() {
    Map<String, Balance> b = balances();
    assertThat(b.get("USDC").available()).isEqualByComparingTo("10000");
    assertThat(b.get("USDC").lent()).isEqualByComparingTo("2000");
    assertThat(b.get("BTC").lent()).isEqualByComparingTo("0.05");
    assertThat(b.get("SOL").staked()).isEqualByComparingTo("10");
    assertThat(b.get("SOL").lent()).isEqualByComparingTo("5");
    assertThat(b.get("SOL").total()).isEqualByComparingTo("35");
  }

  @Test
  void lendAndRedeemMoveQuantityBetweenAvailableAndLent() {
    px.client.capital().lend("USDC", d("500"));
    Map<String, Balance> lent = balances();
    assertThat(lent.get("USDC").available()).isEqualByComparingTo("9500");
    assertThat(lent.get("USDC").lent()).isEqualByComparingTo("2500");
    assertThat(px.client.capital().listBorrowLendPositions())
        .filteredOn(p -> p.symbol().equals("USDC")).singleElement()
        .satisfies(p -> assertThat(p.netQuantity()).isEqualByComparingTo("2500"));

    px.client.capital().redeem("USDC", d("2500"));
    Map<String, Balance> redeemed = balances();
    assertThat(redeemed.get("USDC").available()).isEqualByComparingTo("12000");
    assertThat(redeemed.get("USDC").lent()).isEqualByComparingTo("0");
  }

  @Test
  void aPerpFillOpensAPositionWhosePnlMovesWithTheMark() {
    buyPerp("2");
    Position p = px.client.account().getPosition("SOL_USDC_PERP").orElseThrow();
    assertThat(p.netQuantity()).isEqualByComparingTo("2");
    assertThat(p.entryPrice()).isBetween(d("150"), d("150.5"));
    assertThat(p.estLiquidationPrice()).isNotNull();
    assertThat(px.client.account().listPositions()).extracting(Position::symbol).containsExactly("SOL_USDC_PERP");

    px.paper.setPrice("SOL_USDC_PERP", new BigDecimal("160.00"));
    Position up = px.client.account().getPosition("SOL_USDC_PERP").orElseThrow();
    assertThat(up.markPrice()).isEqualByComparingTo("160.00");
    assertThat(up.pnlUnrealized()).isEqualByComparingTo(d("320.00").subtract(up.netCost()));
    assertThat(up.pnlUnrealized()).isGreaterThan(d("18"));

    px.client.orders().closePosition("SOL_USDC_PERP");
    assertThat(px.client.account().getPosition("SOL_USDC_PERP")).isEmpty();
  }

  @Test
  void theCollateralSummaryAgreesWithBalancesAndPositions() {
    buyPerp("1");
    px.client.orders().place(OrderRequest.limit("SOL_USDC", Side.ASK, d("2"), d("170.00")).build());
    Map<String, Balance> b = balances();
    CollateralSummary s = px.client.account().getCollateralSummary();
    for (CollateralAsset row : s.collateral()) {
      Balance bal = b.get(row.symbol());
      assertThat(row.totalQuantity()).as(row.symbol())
          .isEqualByComparingTo(bal.available().add(bal.locked()).add(bal.lent()));
      assertThat(row.lendQuantity()).as(row.symbol()).isEqualByComparingTo(bal.lent());
    }
    CollateralAsset sol = s.collateral().stream().filter(r -> r.symbol().equals("SOL")).findFirst().orElseThrow();
    assertThat(sol.openOrderQuantity()).isEqualByComparingTo("2");
    Position p = px.client.account().getPosition("SOL_USDC_PERP").orElseThrow();
    assertThat(s.pnlUnrealized()).isEqualByComparingTo(p.pnlUnrealized());
    assertThat(s.netEquity()).isEqualByComparingTo(s.netEquityAvailable().add(s.netEquityLocked()));
  }

  @Test
  void accountSettingsAreReadAndUpdated() {
    AccountSettings before = px.client.account().getSettings();
    assertThat(before.autoLend()).isFalse();
    assertThat(before.leverageLimit()).isEqualByComparingTo("10");
    assertThat(before.spotTakerFee()).isEqualByComparingTo("10");
    px.client.account().updateSettings(AccountSettingsUpdate.builder().autoLend(true).leverageLimit(d("5")).build());
    AccountSettings after = px.client.account().getSettings();
    assertThat(after.autoLend()).isTrue();
    assertThat(after.leverageLimit()).isEqualByComparingTo("5");
  }

  @Test
  void theMaxOrderQuantityIsBoundedByTheFunds() {
    MaxOrderQuantity spotAsk = px.client.orders().getMaxOrderQuantity(MaxOrderQuantityQuery.of("SOL_USDC", Side.ASK).build());
    assertThat(spotAsk.symbol()).isEqualTo("SOL_USDC");
    assertThat(spotAsk.maxOrderQuantity()).isPositive().isLessThanOrEqualTo(d("25"));
    MaxOrderQuantity perpBid = px.client.orders().getMaxOrderQuantity(
        MaxOrderQuantityQuery.of("SOL_USDC_PERP", Side.BID).price(d("150.00")).build());
    assertThat(perpBid.maxOrderQuantity()).isPositive();
  }

  @Test
  void fundingAndInterestArePaidAsTimePasses() {
    buyPerp("3");
    px.advance(Duration.ofHours(3));
    List<FundingPayment> funding = px.client.history().listFundingPayments(FundingPaymentQuery.all());
    assertThat(funding).hasSizeBetween(2, 3).allSatisfy(f -> {
      assertThat(f.symbol()).isEqualTo("SOL_USDC_PERP");
      assertThat(f.quantity().signum()).isEqualTo(-f.fundingRate().signum()); // longs pay a positive rate
    });
    Position p = px.client.account().getPosition("SOL_USDC_PERP").orElseThrow();
    assertThat(p.cumulativeFundingPayment()).isEqualByComparingTo(
        funding.stream().map(FundingPayment::quantity).reduce(BigDecimal.ZERO, BigDecimal::add));

    List<InterestPayment> interest = px.client.history().listInterestPayments(InterestHistoryQuery.all());
    assertThat(interest).isNotEmpty();
    assertThat(interest).filteredOn(i -> i.symbol().equals("USDC")).isNotEmpty()
        .allSatisfy(i -> assertThat(i.quantity()).isPositive());
    BorrowLendPosition usdc = px.client.capital().listBorrowLendPositions().stream()
        .filter(x -> x.symbol().equals("USDC")).findFirst().orElseThrow();
    assertThat(usdc.netQuantity()).isGreaterThan(d("2000"));
    assertThat(usdc.cumulativeInterest()).isPositive();
  }
}
