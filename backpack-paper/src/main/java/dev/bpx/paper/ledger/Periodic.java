package dev.bpx.paper.ledger;

import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.MarketSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Funding at each perp market's interval boundary and borrow-lend interest every hour, both on
 * exchange time (aligned to the epoch, as Backpack's hourly intervals are).
 *
 * <p>Funding: each position pays {@code -netQuantity * mark * rate} (USDC, 6 decimals), at the rate
 * the engine gives for the interval (a seeded value near +0.00125 % per hour, inside the market's
 * bounds; see {@code MarketState.fundingRateFor}).
 * The house takes the other side of every payment, so rounding never creates money.
 * Interest: lent quantities earn the asset's yearly lend rate / 8760 each hour, borrows pay the
 * borrow rate; interest is added to the position. Engine-owned, not thread-safe.
 */
public final class Periodic {
  public static final long HOUR = 3_600_000L;
  static final BigDecimal HOURS_PER_YEAR = BigDecimal.valueOf(8760);
  private final Accounts accounts;
  private final Ledger ledger;
  private final PriceSource prices;

  public Periodic(Accounts accounts, Ledger ledger, PriceSource prices) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.prices = prices;
  }

  /** Pays the funding of a perp market's interval that ends at {@code intervalEnd}, at a mark and a rate. */
  public void fund(MarketSpec spec, BigDecimal mark, BigDecimal rate, long intervalEnd) {
    List<Account> holders = new ArrayList<>(accounts.users());
    holders.add(accounts.maker());
    for (Account a : holders) {
      PerpPosition p = a.positions.get(spec.symbol());
      if (p == null) {
        continue;
      }
      BigDecimal payment = p.netQuantity.multiply(mark).multiply(rate).negate()
          .setScale(6, RoundingMode.HALF_EVEN);
      ledger.transfer(accounts.house(), a, Ledger.USDC, payment);
      p.cumulativeFunding = p.cumulativeFunding.add(payment);
      if (a.recordsHistory()) {
        a.funding.add(new Records.FundingPayment(spec.symbol(), payment, intervalEnd, rate));
        a.settlements.add(new Records.Settlement(payment, "FundingPayment", intervalEnd, Long.toString(p.id)));
      }
      ledger.normalize(a, intervalEnd);
    }
  }

  /** Adds an hour of interest to every lend and borrow position. */
  public void accrueInterest(long now) {
    for (Account a : accounts.users()) {
      for (LendPosition p : a.lends.values()) {
        AssetSpec spec = prices.asset(p.symbol);
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
        var house = accounts.house().balance(p.symbol);
        house.available = house.available.subtract(signed);
        a.interest.add(new Records.InterestPayment(lend ? "Lend" : "Borrow", yearly, HOUR,
            p.symbol + "_USDC", Long.toString(p.id), signed, p.symbol, now));
      }
    }
  }
}
