package dev.bpx.paper.market;

import java.math.BigDecimal;

/**
 * A public trade of other participants, as a market data source reports it: it traded with the
 * market's synthetic liquidity, not with any account, so it moves no balance. The engine records
 * it beside the users' trades ({@code /trades}, klines, the ticker).
 *
 * @param id the trade id from the source's own id space (see the source): the id states made before journal
 *     version 6 gave the print; the engine now numbers prints per market ({@code engine/TradeIds})
 * @param time epoch milliseconds
 * @param ticks the price in ticks of the market
 * @param quantity the base quantity, on the market's step
 * @param buyerMaker whether the buyer provided the liquidity (the taker sold)
 */
public record Print(long id, long time, long ticks, BigDecimal quantity, boolean buyerMaker) {}
