package dev.bpx.paper.client;

import dev.bpx.auth.SigningKey;
import dev.bpx.client.BackpackClient;
import dev.bpx.client.SafetyLimits;
import dev.bpx.paper.PaperClock;
import dev.bpx.paper.PaperExchange;
import java.time.Duration;
import java.time.Instant;

/**
 * Test fixture: a paper exchange on a clock that stands still until advanced, and the typed
 * {@code backpack-client} pointed at it over real HTTP, signing with a fresh key on the same clock.
 */
final class PaperWithClient implements AutoCloseable {
  static final Instant T0 = Instant.parse("2026-03-01T10:30:00Z");

  final PaperClock clock = PaperClock.fixed(T0);
  final PaperExchange paper;
  final SigningKey key = SigningKey.generate();
  final BackpackClient client;

  PaperWithClient() {
    this.paper = PaperExchange.builder().clock(clock).seed(11).start();
    this.client = clientFor(key);
  }

  BackpackClient clientFor(SigningKey signingKey) {
    return clientFor(signingKey, SafetyLimits.none());
  }

  /** {@return a client on the same account as {@code signingKey} that enforces {@code limits}} */
  BackpackClient clientFor(SigningKey signingKey, SafetyLimits limits) {
    return BackpackClient.builder()
        .safetyLimits(limits)
        .baseUrl(paper.url())
        .signingKey(signingKey)
        .clock(clock)
        .sleeper(d -> { })
        .maxRetries(0)
        .build();
  }

  String apiKey() {
    return key.publicKeyBase64();
  }

  void advance(Duration d) {
    paper.advance(d);
  }

  @Override
  public void close() {
    client.close();
    paper.close();
  }
}
