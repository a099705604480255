package dev.bpx.paper.ledger;

import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.MarketSpec;
import java.math.BigDecimal;

/** What the ledger needs to value things: asset and market definitions and current marks. */
public interface PriceSource {
  /** {@return the USDC value of one unit of the asset (1 for USDC)} */
  BigDecimal assetPrice(String asset);

  /** {@return the mark price of a market} */
  BigDecimal markPrice(String symbol);

  MarketSpec market(String symbol);

  AssetSpec asset(String asset);
}
