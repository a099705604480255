package dev.bpx.paper.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.auth.json.Json;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the reads a journal fixture answers now with what the version that wrote it answered.
 * Every read an account makes, the books and the mark prices must be the same bytes. Three public reads
 * changed on purpose when the market came alive (issue 12: other participants' trades): {@code /trades}
 * (their trades among the users'), {@code /tickers} (their volume) and {@code /openInterest} (theirs
 * added). For {@code /trades}, every row must be the flow's or one the old version listed. (In these
 * fixtures the users' two trades are more than 100 flow trades old, so the last 100 are all the flow's;
 * the users' own fills are compared byte for byte in {@code /wapi/v1/history/fills}.)
 *
 * <p>Changed on purpose since, and applied to the old answers before comparing ({@link #asAnsweredNow}): a trigger
 * order placed without {@code triggerBy} shows the mark price it watches instead of null (the order stream's
 * {@code B} names it too).
 */
final class FixtureReads {
  /** The simulated flow's trade ids start here; users' trade ids are far below. */
  private static final long SIMULATED_IDS = 100_000_000_000L;
  private static final Set<String> LIVING = Set.of("/api/v1/trades?symbol=SOL_USDC_PERP", "/api/v1/tickers",
      "/api/v1/openInterest");

  private FixtureReads() {}

  /** Both arguments alternate a path line and its body line, as the fixture tests write them. */
  static void assertSameButTheLivingMarket(String actual, String expected) {
    List<String> now = actual.lines().toList();
    List<String> then = asAnsweredNow(expected).lines().toList();
    assertThat(now).hasSameSizeAs(then);
    int compared = 0;
    for (int i = 0; i < now.size(); i += 2) {
      String path = then.get(i);
      assertThat(now.get(i)).isEqualTo(path);
      if (!LIVING.contains(path)) {
        assertThat(now.get(i + 1)).as(path).isEqualTo(then.get(i + 1));
        compared++;
      } else if (path.startsWith("/api/v1/trades")) {
        List<Object> users = ((List<?>) Json.parse(now.get(i + 1))).stream()
            .filter(t -> ((Number) ((Map<?, ?>) t).get("id")).longValue() < SIMULATED_IDS)
            .map(t -> (Object) t).toList();
        @SuppressWarnings("unchecked")
        List<Object> old = (List<Object>) Json.parse(then.get(i + 1));
        assertThat(old).as(path).containsAll(users);
        assertThat((List<?>) Json.parse(now.get(i + 1))).as(path).hasSize(100);
      }
    }
    assertThat(compared).isEqualTo(now.size() / 2 - 2 * LIVING.size());
  }

  /** {@return the old answers with the deliberate changes listed above made} */
  private static String asAnsweredNow(String then) {
    // Only a trigger order has a triggerPrice; an order without one keeps "triggerBy":null,"triggerPrice":null.
    return then.replaceAll("\"triggerBy\":null,\"triggerPrice\":\"", "\"triggerBy\":\"MarkPrice\",\"triggerPrice\":\"");
  }
}
