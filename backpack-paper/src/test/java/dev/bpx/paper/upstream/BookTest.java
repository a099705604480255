package dev.bpx.paper.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The depth stream's U/u rule (shared/backpack-asyncapi.yml, channel depth.{symbol}). */
class BookTest {
  private static Level l(String price, String quantity) {
    return new Level(new BigDecimal(price), new BigDecimal(quantity));
  }

  private static Book loaded() {
    Book b = new Book();
    b.reset(List.of(l("101", "1"), l("102", "2")), List.of(l("99", "3"), l("100", "4")), 10);
    return b;
  }

  @Test
  void aSnapshotSortsBothSidesBestFirst() {
    BookSnapshot s = loaded().snapshot("X", 5);
    assertThat(s.asks()).extracting(Level::price).containsExactly(new BigDecimal("101"), new BigDecimal("102"));
    assertThat(s.bids()).extracting(Level::price).containsExactly(new BigDecimal("100"), new BigDecimal("99"));
    assertThat(s.lastUpdateId()).isEqualTo(10);
  }

  @Test
  void aDeltaThatFollowsIsAppliedWithAbsoluteQuantitiesAndZeroRemoving() {
    Book b = loaded();
    assertThat(b.apply(11, 12, List.of(l("101", "0"), l("101.5", "7")), List.of(l("100", "9")))).isEqualTo(Book.Result.APPLIED);
    BookSnapshot s = b.snapshot("X", 0);
    assertThat(s.bestAsk()).isEqualTo(l("101.5", "7"));
    assertThat(s.bestBid()).isEqualTo(l("100", "9"));
    assertThat(s.lastUpdateId()).isEqualTo(12);
  }

  @Test
  void aPriceWrittenWithAnotherScaleIsTheSameLevel() {
    Book b = loaded();
    b.apply(11, 11, List.of(l("101.00", "0")), List.of());
    assertThat(b.snapshot("X", 0).bestAsk().price()).isEqualByComparingTo("102");
  }

  @Test
  void aDeltaAlreadyInTheSnapshotIsOldNews() {
    Book b = loaded();
    assertThat(b.apply(9, 10, List.of(l("50", "1")), List.of())).isEqualTo(Book.Result.OLD);
    assertThat(b.snapshot("X", 0).asks()).hasSize(2);
  }

  @Test
  void aDeltaOverlappingTheSnapshotIsApplied() {
    Book b = loaded();
    assertThat(b.apply(8, 11, List.of(l("101", "5")), List.of())).isEqualTo(Book.Result.APPLIED);
    assertThat(b.lastUpdateId()).isEqualTo(11);
  }

  @Test
  void aMissedDeltaIsAGapAndChangesNothing() {
    Book b = loaded();
    assertThat(b.apply(12, 13, List.of(l("101", "0")), List.of())).isEqualTo(Book.Result.GAP);
    assertThat(b.snapshot("X", 0).bestAsk()).isEqualTo(l("101", "1"));
    assertThat(b.lastUpdateId()).isEqualTo(10);
  }

  @Test
  void aBookWithoutSnapshotTakesNoDelta() {
    assertThat(new Book().apply(1, 1, List.of(), List.of())).isEqualTo(Book.Result.GAP);
  }
}
