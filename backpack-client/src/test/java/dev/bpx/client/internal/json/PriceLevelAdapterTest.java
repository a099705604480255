package dev.bpx.client.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import dev.bpx.client.model.PriceLevel;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceLevelAdapterTest {

  private final JsonAdapter<PriceLevel> adapter = JsonCodec.newMoshi().adapter(PriceLevel.class);

  @Test
  void readsPriceAndQuantityFromATwoElementArray() throws IOException {
    PriceLevel level = adapter.fromJson("[\"118310.0\",\"1.00000\"]");

    assertThat(level.price()).isEqualByComparingTo("118310.0");
    assertThat(level.quantity()).isEqualTo(new BigDecimal("1.00000"));
  }

  @Test
  void acceptsNumberTokens() throws IOException {
    PriceLevel level = adapter.fromJson("[20.12, 255.123]");

    assertThat(level.price()).isEqualTo(new BigDecimal("20.12"));
    assertThat(level.quantity()).isEqualTo(new BigDecimal("255.123"));
  }

  @Test
  void skipsExtraTrailingElements() throws IOException {
    PriceLevel level = adapter.fromJson("[\"1\",\"2\",\"extra\",[1]]");

    assertThat(level).isEqualTo(new PriceLevel(new BigDecimal("1"), new BigDecimal("2")));
  }

  @Test
  void writesTheSameArrayBack() throws IOException {
    assertThat(adapter.toJson(adapter.fromJson("[\"118310.0\",\"1.00000\"]")))
        .isEqualTo("[\"118310.0\",\"1.00000\"]");
  }

  @Test
  void aShortArrayFailsWithJsonDataException() {
    assertThatThrownBy(() -> adapter.fromJson("[\"1\"]"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("quantity");
  }
}
