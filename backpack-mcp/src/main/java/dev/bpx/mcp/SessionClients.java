package dev.bpx.mcp;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.SafetyLimits;
import dev.bpx.client.journal.JournalRecord;
import dev.bpx.client.stream.StreamSettings;
import dev.bpx.mcp.config.ConfigException;
import dev.bpx.mcp.config.ServerConfig;
import dev.bpx.paper.PaperExchange;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the session's client for either mode, with what every client of the server carries whatever it
 * trades on (the safety limits, the trade journal, the state directory), and reconciles the journal once
 * it is open. Apart from {@link TradingSession} so that the wiring of the SDK is read in one place and the
 * session keeps to when the connection opens and closes.
 */
final class SessionClients {
  private static final Logger log = LoggerFactory.getLogger(SessionClients.class);

  private SessionClients() {}

  /**
   * {@return a client for the configured exchange, keys and WebSocket URL}
   *
   * @throws ConfigException if the keys cannot be used
   */
  static BackpackClient live(ServerConfig config) {
    try {
      return withLimits(config, BackpackClient.builderFromEnvironment(config.clientEnvironment(), null)
          .streams(StreamSettings.builder().url(config.wsUrl()).build())).build();
    } catch (RuntimeException e) {
      throw new ConfigException("cannot use the configured keys: " + e.getMessage(), e);
    }
  }

  /** {@return a client for the started paper exchange, signed with the paper account's key} */
  static BackpackClient paper(ServerConfig config, PaperExchange exchange, SigningKey key) {
    return withLimits(config, BackpackClient.builderFromEnvironment(config.clientTuning(), null).baseUrl(exchange.url())
        .streams(StreamSettings.builder().url(exchange.wsUrl()).build()).signingKey(key)).build();
  }

  /**
   * Intents left without an outcome by a crash (of this server, or of another sharing the data
   * directory) are looked up on the exchange by clientId and their outcomes appended. A failure here is
   * logged and does not keep the session from opening: the intents stay pending for the next start.
   */
  static void reconcileJournal(BackpackClient client) {
    client.journal().ifPresent(journal -> {
      try {
        List<JournalRecord> outcomes = journal.reconcile();
        for (JournalRecord outcome : outcomes) {
          log.warn("trade journal: intent {} on {} (clientId {}) had no outcome, probably from a crash; reconciled: {}",
              outcome.action(), outcome.symbol(), outcome.clientId(), outcome.result());
        }
      } catch (IOException | RuntimeException e) {
        log.error("trade journal: reconciling {} failed ({}); it is tried again at the next start", journal.dir(),
            e.getMessage());
      }
    });
  }

  private static BackpackClient.Builder withLimits(ServerConfig config, BackpackClient.Builder builder) {
    return builder.journal(TradingSession.journalDir(config)).safetyLimits(SafetyLimits.of(config.maxOrderNotional(), config.allowedSymbols())
        .withMaxPositionNotional(config.maxPositionNotional()).withMaxLeverage(config.maxLeverage())
        .withMaxOpenOrders(config.maxOpenOrders()).withMaxDailyNotional(config.maxDailyNotional())
        .withMaxDailyLoss(config.maxDailyLoss())).stateDirectory(config.dataDir());
  }
}
