package dev.bpx.paper.engine;

import dev.bpx.paper.ledger.Account;
import dev.bpx.paper.ledger.Ledger;
import dev.bpx.paper.ledger.LendPosition;
import dev.bpx.paper.ledger.PerpPosition;
import dev.bpx.paper.ledger.Records;
import dev.bpx.paper.market.AssetSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Funding at each perp market's interval boundary and borrow-lend interest every hour, both on
 * exchange time (aligned to the epoch, as Backpack's hourly intervals are).
 *
 * <p>Funding: each position pays {@code -netQuantity * mark * rate} (USDC, 6 decimals); the
 * rate of an interval is a seeded value near +0.00125 % per hour, inside the market's bounds.
 * The house takes the other side of every payment, so rounding never creates money.
 * Interest: lent quantities earn the asset's yearly lend rate / 8760 each hour, borrows pay the
 * borrow rate; interest is added to the position. Engine-owned, not thread-safe.
 */
final class Periodic {
  static final BigDecimal HOURS_PER_YEAR = BigDecimal.valueOf(8760);
  private static final BigDecimal BASE_RATE = new BigDecimal("0.0000125");
  private static final BigDecimal NOISE_UNIT = new BigDecimal("0.000001");
  private final Engine engine;

  Periodic(Engine engine) {
    this.engine = engine;
  }

  void onStep(long stepTime) {
    for (MarketState m : engine.markets.values()) {
      if (m.spec.isPerp() && stepTime % m.spec.fundingIntervalMillis() == 0) {
        fund(m, stepTime);
      }
    }
    if (stepTime % Engine.HOUR == 0) {
      accrueInterest(stepTime);
    }
  }

  /** {@return the funding rate of the interval that ends at or after a time} */
  BigDecimal rateFor(MarketState m, long intervalEnd) {
    long index = intervalEnd / m.spec.fundingIntervalMillis();
    BigDecimal rate = BASE_RATE.add(NOISE_UNIT.multiply(BigDecimal.valueOf(m.walk.noise(index, -10, 10))));
    BigDecimal upper = m.spec.fundingRateUpperBoundBps().movePointLeft(4);
    BigDecimal lower = m.spec.fundingRateLowerBoundBps().movePointLeft(4);
    return rate.min(upper).max(lower);
  }

  private void fund(MarketState m, long intervalEnd) {
    BigDecimal rate = rateFor(m, intervalEnd);
    BigDecimal mark = m.markPrice();
    List<Account> holders = new ArrayList<>(engine.accounts.users());
    holders.add(engine.accounts.maker());
    for (Account a : holders) {
      PerpPosition p = a.positions.get(m.spec.symbol());
      if (p == null) {
        continue;
      }
      BigDecimal payment = p.netQuantity.multiply(mark).multiply(rate).negate()
          .setScale(6, RoundingMode.HALF_EVEN);
      engine.ledger.transfer(engine.accounts.house(), a, Ledger.USDC, payment);
      p.cumulativeFunding = p.cumulativeFunding.add(payment);
      if (a.recordsHistory()) {
        a.funding.add(new Records.FundingPayment(m.spec.symbol(), payment, intervalEnd, rate));
        a.settlements.add(new Records.Settlement(payment, "FundingPayment", intervalEnd, Long.toString(p.id)));
      }
      engine.ledger.normalize(a, intervalEnd);
    }
    m.fundingHistory.add(new Records.FundingPayment(m.spec.symbol(), BigDecimal.ZERO, intervalEnd, rate));
    m.fundingRate = rateFor(m, intervalEnd + m.spec.fundingIntervalMillis());
  }

  private void accrueInterest(long now) {
    for (Account a : engine.accounts.users()) {
      for (LendPosition p : a.lends.values()) {
        AssetSpec spec = engine.assets.get(p.symbol);
        if (spec == null || p.netQuantity.signum() == 0) {
          continue;
        }
        boolean lend = p.netQuantity.signum() > 0;
        BigDecimal yearly = lend ? spec.lendRate() : spec.borrowRate();
        BigDecimal interest = p.netQuantity.abs().multiply(yearly)
            .divide(HOURS_PER_YEAR, spec.scale(), lend ? RoundingMode.DOWN : RoundingMode.UP);
        if (interest.signum() == 0) {
          continue;
        }
        BigDecimal signed = lend ? interest : interest.negate();
        p.netQuantity = p.netQuantity.add(signed);
        p.cumulativeInterest = p.cumulativeInterest.add(signed);
        var house = engine.accounts.house().balance(p.symbol);
        house.available = house.available.subtract(signed);
        a.interest.add(new Records.InterestPayment(lend ? "Lend" : "Borrow", yearly, Engine.HOUR,
            p.symbol + "_USDC", Long.toString(p.id), signed, p.symbol, now));
      }
    }
  }
}
