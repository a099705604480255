package dev.bpx.paper.market;

import java.math.BigDecimal;
import java.util.List;

/**
 * The markets and assets a paper exchange lists unless configured otherwise: BTC, ETH and SOL
 * against USDC, spot and perpetual, with filters and margin functions shaped like Backpack's
 * (backpack-api.md section 5) and a one-hour funding interval (S7, 2026-09).
 */
public final class DefaultMarkets {
  private static final String CREATED = "2025-01-21T06:34:54.691858";
  /** The price band every simulated market advertises and enforces: 0.5x to 2x the last price. */
  private static final BigDecimal BAND_MAX = new BigDecimal("2");
  private static final BigDecimal BAND_MIN = new BigDecimal("0.5");
  private static final MarginFunction BORROW_IMF =
      new MarginFunction(new BigDecimal("0.2"), new BigDecimal("0.00006"));
  private static final MarginFunction BORROW_MMF =
      new MarginFunction(new BigDecimal("0.1"), new BigDecimal("0.000036"));

  private DefaultMarkets() {}

  public static List<AssetSpec> assets() {
    return List.of(
        new AssetSpec("USDC", "USD Coin", "usd-coin", "Solana", 6, d("1"), d("0.05"), d("0.08"), BORROW_IMF, BORROW_MMF),
        new AssetSpec("BTC", "Bitcoin", "bitcoin", "Bitcoin", 8, d("0.9"), d("0.01"), d("0.03"), BORROW_IMF, BORROW_MMF),
        new AssetSpec("ETH", "Ethereum", "ethereum", "Ethereum", 8, d("0.9"), d("0.015"), d("0.04"), BORROW_IMF, BORROW_MMF),
        new AssetSpec("SOL", "Solana", "solana", "Solana", 8, d("0.85"), d("0.04"), d("0.07"), BORROW_IMF, BORROW_MMF));
  }

  public static List<MarketSpec> markets() {
    return List.of(
        spot("BTC", "0.1", "0.00001", "97500.0", 1, "0.05"),
        spot("ETH", "0.01", "0.0001", "3450.00", 1, "1.0"),
        spot("SOL", "0.01", "0.01", "185.00", 2, "25"),
        perp("BTC", "0.1", "0.00001", "97500.0", 1, "0.05",
            new MarginFunction(d("0.02"), d("0.0000935")), new MarginFunction(d("0.0125"), d("0.0000561"))),
        perp("ETH", "0.01", "0.0001", "3450.00", 1, "1.0",
            new MarginFunction(d("0.02"), d("0.0000935")), new MarginFunction(d("0.0125"), d("0.0000561"))),
        perp("SOL", "0.01", "0.01", "185.00", 2, "25",
            new MarginFunction(d("0.02"), d("0.00006")), new MarginFunction(d("0.0135"), d("0.000036"))));
  }

  private static MarketSpec spot(String base, String tick, String step, String price, int volBps,
                                 String makerSize) {
    return new MarketSpec(base + "_USDC", base, "USDC", MarketType.SPOT, d(tick), d(tick),
        null, d(step), d(step), null, null, null, 0, null, null, d("0"), d(price), volBps,
        d(makerSize), CREATED, BAND_MAX, BAND_MIN);
  }

  private static MarketSpec perp(String base, String tick, String step, String price, int volBps,
                                 String makerSize, MarginFunction imf, MarginFunction mmf) {
    return new MarketSpec(base + "_USDC_PERP", base, "USDC", MarketType.PERP, d(tick), d(tick),
        null, d(step), d(step), null, imf, mmf, 3_600_000L, d("100"), d("-100"),
        d("50000000"), d(price), volBps, d(makerSize), CREATED, BAND_MAX, BAND_MIN);
  }

  private static BigDecimal d(String s) {
    return new BigDecimal(s);
  }
}
