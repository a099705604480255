package dev.bpx.mcp.tools;

import dev.bpx.mcp.config.Mode;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a write tool's result names where it traded: {@code live}, or in paper mode which market the
 * paper exchange follows ("paper, real market data from https://api.backpack.exchange", "paper,
 * simulated prices"), so that practice on invented prices is never mistaken for practice on the
 * real market. Paper mode decides its market data when the paper exchange opens, on the first tool
 * call, so the words are asked for at each result. Thread-safe when the supplier is.
 *
 * @param mode paper or live
 * @param paperMarketData the paper exchange's market data in words, or null (live mode)
 */
record ResultMode(Mode mode, Supplier<String> paperMarketData) {
  ResultMode {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(paperMarketData, "paperMarketData");
  }

  /** {@return the mode alone, with no words about market data} */
  static ResultMode of(Mode mode) {
    return mode == null ? null : new ResultMode(mode, () -> null);
  }

  /** {@return the label that starts a write tool's text, e.g. "paper, simulated prices"} */
  String label() {
    String marketData = paperMarketData.get();
    return marketData == null ? mode.label() : mode.label() + ", " + marketData;
  }

  /**
   * Writes {@code mode} (and, in paper mode, {@code marketData}) into a write tool's structured
   * result. {@code marketData} goes only where the tool's output schema admits properties it does not
   * list: strict hosts reject a result with a property a closed schema does not declare.
   */
  void annotate(Map<String, Object> structured, Map<String, Object> outputSchema) {
    structured.putIfAbsent("mode", mode.label());
    String marketData = paperMarketData.get();
    if (marketData != null && !Boolean.FALSE.equals(outputSchema.get("additionalProperties"))) {
      structured.putIfAbsent("marketData", marketData);
    }
  }
}
