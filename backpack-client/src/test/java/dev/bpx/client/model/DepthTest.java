package dev.bpx.client.model;

import static dev.bpx.client.model.ModelJson.parse;
import static dev.bpx.client.model.ModelJson.withUnknownFields;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DepthTest {

  /** Wire capture shape (api.md 2.1): both sides ascending; the best bid is the LAST bid. */
  static final String DEPTH =
      """
      {"asks":[["118318.3","0.00633"],["118567.2","0.08450"]],
       "bids":[["118200.1","0.38647"],["118310.0","1.00000"]],
       "lastUpdateId":"1504999670","timestamp":1753102447307501}
      """;

  @Test
  void depthDecodesFieldByFieldKeepingWireOrder() {
    Depth d = parse(Depth.class, DEPTH);

    assertThat(d.asks()).hasSize(2);
    assertThat(d.asks().get(0).price()).isEqualByComparingTo("118318.3");
    assertThat(d.asks().get(0).quantity()).isEqualByComparingTo("0.00633");
    assertThat(d.asks().get(1).price()).isEqualByComparingTo("118567.2");
    assertThat(d.bids().get(0).price()).isEqualByComparingTo("118200.1");
    assertThat(d.bids().get(1).price()).isEqualByComparingTo("118310.0");
    assertThat(d.bids().get(1).quantity()).isEqualTo(new BigDecimal("1.00000"));
    assertThat(d.lastUpdateId()).isEqualTo("1504999670");
    assertThat(d.timestamp()).isEqualTo(Instant.parse("2025-07-21T12:54:07.307501Z"));
  }

  @Test
  void bestBidIsTheLastBidBecauseBidsAreAscending() {
    Depth d = parse(Depth.class, DEPTH);

    assertThat(d.bestBid()).hasValueSatisfying(b -> assertThat(b.price()).isEqualByComparingTo("118310.0"));
  }

  @Test
  void bestAskIsTheFirstAsk() {
    Depth d = parse(Depth.class, DEPTH);

    assertThat(d.bestAsk()).hasValueSatisfying(a -> assertThat(a.price()).isEqualByComparingTo("118318.3"));
  }

  @Test
  void emptyBookHasNoBestPrices() {
    Depth d = parse(Depth.class, "{\"asks\":[],\"bids\":[],\"lastUpdateId\":\"1\",\"timestamp\":1}");

    assertThat(d.bestBid()).isEmpty();
    assertThat(d.bestAsk()).isEmpty();
  }

  @Test
  void absentSidesBecomeEmptyListsAndOtherFieldsNull() {
    Depth d = parse(Depth.class, "{}");

    assertThat(d.asks()).isEmpty();
    assertThat(d.bids()).isEmpty();
    assertThat(d.lastUpdateId()).isNull();
    assertThat(d.timestamp()).isNull();
  }

  @Test
  void unknownFieldsAreIgnored() {
    assertThat(parse(Depth.class, withUnknownFields(DEPTH))).isEqualTo(parse(Depth.class, DEPTH));
  }

  @Test
  void sidesAreImmutableCopies() {
    List<PriceLevel> bids = new ArrayList<>();
    bids.add(new PriceLevel(BigDecimal.ONE, BigDecimal.TEN));
    Depth d = new Depth(null, bids, "1", null);
    bids.clear();

    assertThat(d.bids()).hasSize(1);
    assertThat(d.asks()).isEmpty();
  }

  @Test
  void writesBackTheWireShape() {
    String written = ModelJson.write(Depth.class, parse(Depth.class, DEPTH));

    assertThat(written)
        .isEqualTo(
            "{\"asks\":[[\"118318.3\",\"0.00633\"],[\"118567.2\",\"0.08450\"]],"
                + "\"bids\":[[\"118200.1\",\"0.38647\"],[\"118310.0\",\"1.00000\"]],"
                + "\"lastUpdateId\":\"1504999670\",\"timestamp\":1753102447307501}");
  }
}
