package dev.bpx.paper;

import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.TimedCommand;
import dev.bpx.paper.engine.EngineConfig;
import dev.bpx.paper.market.AssetSpec;
import dev.bpx.paper.market.Holding;
import dev.bpx.paper.market.MarketDataSource;
import dev.bpx.paper.market.MarketList;
import dev.bpx.paper.market.MarketSpec;
import dev.bpx.paper.market.PriceOrigin;
import dev.bpx.paper.store.Journal;
import dev.bpx.paper.store.JournaledEngine;
import dev.bpx.paper.upstream.UpstreamMirror;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine of a paper exchange as it opens: its state file's journal replayed (or a new one begun), under the
 * market list the state was made with, the exchange clock's offset restored, and the upstream's newer market list
 * journaled. The fronts and streams are wired around it by {@link PaperExchange}.
 *
 * @param store the engine and its journal
 * @param stateFile the state file, null in memory
 */
record OpenedState(JournaledEngine store, Path stateFile) {
  private static final Logger LOG = LoggerFactory.getLogger(OpenedState.class);

  /** Opens the state a builder describes on simulated prices ({@code mirror} null) or the mirror's. */
  static OpenedState open(PaperExchange.Builder b, UpstreamMirror mirror, PaperClock clock) {
    List<AssetSpec> assets = mirror == null ? b.assets : mirror.assets();
    List<MarketSpec> markets = mirror == null ? b.markets : mirror.markets();
    // Birth is aligned to the walk's one-second step, so that step times fall on whole hours and
    // hourly funding and interest are paid; a real clock almost never starts on a whole second. A
    // journal keeps the birth it recorded, so replay stays exact.
    long birth = clock.millis() - Math.floorMod(clock.millis(), MarketDataSource.STEP_MILLIS);
    String market = mirror == null ? null : UpstreamSide.describe(mirror);
    Path stateFile = b.stateFile != null ? b.stateFile : b.dataDirectory == null ? null
        : b.dataDirectory.resolve(PaperExchange.stateFileName(b.upstream == null ? null : b.upstream.rest()));
    MarketList upstreamList = mirror == null ? null : new MarketList(markets, assets);
    Journal journal = stateFile == null ? null
        : Journal.open(stateFile, new Journal.Header(b.seed, birth, market, upstreamList), b.fsync);
    // A state made on an upstream replays under the market list it was made with (its header's), whatever the
    // upstream lists today; the difference is journaled below, from now on.
    MarketList engineList = journal == null || journal.header().marketList() == null ? upstreamList
        : journal.header().marketList();
    long seed = journal == null ? b.seed : journal.header().seed();
    long start = journal == null ? birth : journal.header().startMillis();
    if (journal != null) {
      journal.snapshot().ifPresent(snap -> clock.setOffsetMillis(snap.clockOffsetMillis()));
      for (Journal.Entry entry : journal.entries()) {
        if (entry.command().command() instanceof Command.SetClock c) {
          clock.setOffsetMillis(c.offsetMillis());
        }
      }
    }
    List<AssetSpec> engineAssets = engineList == null ? assets : engineList.assets();
    Map<String, Holding> portfolio = new LinkedHashMap<>(b.portfolio);
    portfolio.keySet().removeIf(asset -> engineAssets.stream().noneMatch(a -> a.symbol().equals(asset)));
    EngineConfig config = new EngineConfig(seed, start, engineAssets,
        engineList == null ? markets : engineList.markets(), portfolio, b.makerLevels,
        mirror == null ? PriceOrigin.SIMULATED : PriceOrigin.UPSTREAM);
    JournaledEngine store = new JournaledEngine(config, journal);
    if (upstreamList != null && !store.tradedMarketList().sameAs(upstreamList)) {
      LOG.info("the upstream's market list changed since the state was saved: journaling the new list");
      store.submit(new TimedCommand(clock.millis(), new Command.UpstreamMarkets(upstreamList)));
    }
    if (!store.priceBands()) {
      // A state made before the price bands were enforced: its orders replayed as accepted then (even one outside
      // today's band); new orders are held to the bands from this command on, which later replays repeat.
      LOG.info("the state was made before price bands were enforced: enforcing them from now on");
      store.submit(new TimedCommand(clock.millis(), new Command.PriceBands()));
    }
    if (journal != null && store.journaledCommands() >= b.compactAfter) {
      LOG.info("compacting journal {} ({} commands)", stateFile, store.journaledCommands());
      store.compact(clock.offsetMillis());
    }
    return new OpenedState(store, stateFile);
  }
}
