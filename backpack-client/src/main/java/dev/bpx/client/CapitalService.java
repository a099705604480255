package dev.bpx.client;

import dev.bpx.client.exception.ApiException;
import dev.bpx.client.exception.NetworkException;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.exception.ValidationException;
import dev.bpx.client.internal.ApiRequest;
import dev.bpx.client.internal.json.JsonCodec;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.model.Balance;
import dev.bpx.client.model.BorrowLendPosition;
import dev.bpx.client.model.BorrowLendSide;
import dev.bpx.client.model.CapitalBalance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Balances and lending ({@code backpack-api.md} 2.2, 2.3, 6.3, 6.4). All signed.
 *
 * <p>Backpack leaves lent funds out of {@code GET /api/v1/capital}: with auto-lend on, a balance can
 * look like zero there while it sits in a lend. {@link #listBalances()} adds them back, as the
 * original seed did: {@code lent(asset)} is the sum of the positive {@code netQuantity} of the
 * asset's borrow-lend positions, and {@code borrowed(asset)} that of the negative ones, made positive.
 *
 * <p>Every method may throw {@link ValidationException} (nothing sent, including "no API keys"),
 * {@link ApiException} and subtypes, {@link NetworkException} or {@link ResponseFormatException}.
 *
 * <p>Thread-safe. Get it from {@link BackpackClient#capital()}.
 */
public final class CapitalService {
  private final SignedCalls calls;
  /** Held from a redeem's check of the lend until it is sent, so that two redeems cannot spend one lend. */
  private final Object redeemLock = new Object();

  CapitalService(SignedCalls calls) {
    this.calls = calls;
  }

  /**
   * {@return the raw {@code GET /api/v1/capital} balances by asset: available, locked (in open
   * orders) and staked; lent funds are not included, see {@link #listBalances()}}
   */
  public Map<String, CapitalBalance> listCapitalBalances() {
    ApiRequest api = ApiRequest.get("/api/v1/capital");
    return calls.get(api, JsonCodec.capitalBalancesAdapter(calls.decoder().moshi()));
  }

  /**
   * {@return every asset's balance with available, locked, staked, lent and borrowed, sorted by
   * asset; an asset that is only lent or borrowed (absent from {@code /capital}) appears with null
   * available/locked/staked. Two requests: {@code GET /api/v1/capital} and {@code GET
   * /api/v1/borrowLend/positions}}
   */
  public List<Balance> listBalances() {
    Map<String, CapitalBalance> capital = listCapitalBalances();
    Map<String, BigDecimal> lent = new TreeMap<>();
    Map<String, BigDecimal> borrowed = new TreeMap<>();
    for (BorrowLendPosition position : listBorrowLendPositions()) {
      if (position.netQuantity().signum() > 0) {
        lent.merge(position.symbol(), position.netQuantity(), BigDecimal::add);
      } else if (position.netQuantity().signum() < 0) {
        borrowed.merge(position.symbol(), position.netQuantity().negate(), BigDecimal::add);
      }
    }
    TreeSet<String> assets = new TreeSet<>(capital.keySet());
    assets.addAll(lent.keySet());
    assets.addAll(borrowed.keySet());
    List<Balance> balances = new ArrayList<>(assets.size());
    for (String asset : assets) {
      balances.add(Balance.of(asset, capital.get(asset), lent.getOrDefault(asset, BigDecimal.ZERO),
          borrowed.getOrDefault(asset, BigDecimal.ZERO)));
    }
    return List.copyOf(balances);
  }

  /**
   * {@return the account's borrow-lend positions ({@code GET /api/v1/borrowLend/positions}):
   * {@code netQuantity} positive for a lend, negative for a borrow}
   */
  public List<BorrowLendPosition> listBorrowLendPositions() {
    ApiRequest api = ApiRequest.get("/api/v1/borrowLend/positions");
    return calls.listWithNetQuantity(api, BorrowLendPosition.class, BorrowLendPosition::symbol,
        BorrowLendPosition::netQuantity);
  }

  /**
   * Lends {@code quantity} of {@code asset} ({@code POST /api/v1/borrowLend}, side {@code Lend}; on a
   * borrowed asset this repays the borrow first and lends only what is left over, so a repay larger than
   * the debt never creates one: the excess stays the account's own, lent out). The exchange answers 200 with no body. Not retried after
   * an unknown outcome: check {@link #listBorrowLendPositions()}.
   *
   * @throws ValidationException for a blank asset or a quantity that is not positive
   */
  public void lend(String asset, BigDecimal quantity) {
    borrowLend(asset, BorrowLendSide.LEND, quantity);
  }

  /**
   * Redeems {@code quantity} of a lend of {@code asset} ({@code POST /api/v1/borrowLend}, side
   * {@code Borrow} against the lend). The exchange answers 200 with no body. Not retried after an
   * unknown outcome: check {@link #listBorrowLendPositions()}.
   *
   * <p>Backpack has no "redeem" side: a redeem is a {@code Borrow}, and a {@code Borrow} larger than the
   * lend takes a loan for the rest (the specification's {@code BorrowLendSide} is only {@code Borrow} or
   * {@code Lend}). So this reads the asset's borrow-lend positions first and refuses, sending nothing,
   * a quantity above what is lent. Redeems through this client run one at a time, so two of them cannot
   * both pass the check against the same lend; another process redeeming at the same moment can still
   * make the exchange borrow, which only a check on the exchange could prevent.
   *
   * @throws ValidationException for a blank asset, a quantity that is not positive, or one larger than
   *     the amount of {@code asset} lent (nothing sent)
   */
  public void redeem(String asset, BigDecimal quantity) {
    String symbol = Args.asset(asset);
    Args.positive("quantity", quantity);
    synchronized (redeemLock) {
      BigDecimal lent = lent(symbol);
      if (quantity.compareTo(lent) > 0) {
        throw new ValidationException("quantity", lent.signum() == 0
            ? "nothing of " + Args.echo(symbol) + " is lent, so there is nothing to redeem"
            : quantity.stripTrailingZeros().toPlainString() + " is more than the " + lent.stripTrailingZeros().toPlainString()
                + " " + symbol + " lent",
            lent.signum() == 0
                ? "the exchange would borrow the whole quantity instead, as a redeem is a borrow against a lend;"
                    + " check the borrow-lend positions"
                : "redeem at most " + lent.stripTrailingZeros().toPlainString() + "; above that the exchange would"
                    + " borrow the rest, as a redeem is a borrow against a lend");
      }
      borrowLend(symbol, BorrowLendSide.BORROW, quantity);
    }
  }

  /** {@return the amount of {@code asset} lent: the sum of its positive borrow-lend positions} */
  private BigDecimal lent(String asset) {
    BigDecimal lent = BigDecimal.ZERO;
    for (BorrowLendPosition position : listBorrowLendPositions()) {
      if (asset.equals(position.symbol()) && position.netQuantity().signum() > 0) {
        lent = lent.add(position.netQuantity());
      }
    }
    return lent;
  }

  private void borrowLend(String asset, BorrowLendSide side, BigDecimal quantity) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("quantity", Args.positive("quantity", quantity).toPlainString());
    body.put("side", side.wireValue());
    body.put("symbol", Args.asset(asset));
    calls.write(() -> JournalRecord.intent(side == BorrowLendSide.LEND ? "lend" : "redeem")
        .asset((String) body.get("symbol")).quantity(quantity), ApiRequest.post("/api/v1/borrowLend", body));
  }
}
