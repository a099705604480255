package dev.bpx.client.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BigDecimalAdapterTest {

  private final JsonAdapter<BigDecimal> adapter = JsonCodec.newMoshi().adapter(BigDecimal.class);

  @Test
  void stringTokenParsesExactlyKeepingScale() throws IOException {
    BigDecimal value = adapter.fromJson("\"0.10\"");
    assertThat(value).isEqualTo(new BigDecimal("0.10"));
    assertThat(value.scale()).isEqualTo(2);
  }

  @Test
  void numberTokenParsesExactlyWithoutGoingThroughDouble() throws IOException {
    BigDecimal value = adapter.fromJson("0.10");
    assertThat(value).isEqualTo(new BigDecimal("0.10"));
    // 0.1 as a double is 0.1000000000000000055511151231257827...
    assertThat(value).isNotEqualTo(new BigDecimal(0.1));
  }

  @Test
  void hugeValuesKeepEveryDigit() throws IOException {
    String huge = "123456789012345678901234567890.123456789012345678901234567";
    assertThat(adapter.fromJson("\"" + huge + "\"")).isEqualTo(new BigDecimal(huge));
    assertThat(adapter.fromJson(huge)).isEqualTo(new BigDecimal(huge));
  }

  @Test
  void tinyValuesKeepEveryDigit() throws IOException {
    String tiny = "0.0000000000000000000000000123456789";
    assertThat(adapter.fromJson("\"" + tiny + "\"")).isEqualTo(new BigDecimal(tiny));
    assertThat(adapter.fromJson(tiny)).isEqualTo(new BigDecimal(tiny));
  }

  @Test
  void funding28SignificantDigitsSurvive() throws IOException {
    String rate = "0.0000125000000000000000000001";
    assertThat(adapter.fromJson("\"" + rate + "\"").toPlainString()).isEqualTo(rate);
  }

  @Test
  void negativeAndExponentFormsParse() throws IOException {
    assertThat(adapter.fromJson("\"-0.054434\"")).isEqualByComparingTo("-0.054434");
    assertThat(adapter.fromJson("1E-8")).isEqualByComparingTo("0.00000001");
  }

  @Test
  void writesPlainStringNeverScientific() {
    assertThat(adapter.toJson(new BigDecimal("1E-8"))).isEqualTo("\"0.00000001\"");
    assertThat(adapter.toJson(new BigDecimal("1.5E+3"))).isEqualTo("\"1500\"");
    assertThat(adapter.toJson(new BigDecimal("0.10"))).isEqualTo("\"0.10\"");
  }

  @Test
  void roundTripKeepsTheWireText() throws IOException {
    for (String text : new String[] {"0", "1.00000", "86700", "86700.0", "-100", "0.000776"}) {
      assertThat(adapter.toJson(adapter.fromJson("\"" + text + "\""))).isEqualTo("\"" + text + "\"");
    }
  }

  @Test
  void nullReadsAsNullAndWritesAsNull() throws IOException {
    assertThat(adapter.fromJson("null")).isNull();
    assertThat(adapter.toJson(null)).isEqualTo("null");
  }

  /** A record with one decimal component. */
  public record Holder(BigDecimal price) {}

  @Test
  void malformedDecimalFailsWithJsonDataExceptionNamingThePath() {
    Moshi moshi = JsonCodec.newMoshi();
    assertThatThrownBy(() -> moshi.adapter(Holder.class).fromJson("{\"price\":\"12a\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("12a")
        .hasMessageContaining("$.price");
    assertThatThrownBy(() -> adapter.fromJson("\"\"")).isInstanceOf(JsonDataException.class);
  }
}
