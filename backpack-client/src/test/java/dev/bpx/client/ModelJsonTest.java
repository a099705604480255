package dev.bpx.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpx.client.model.Depth;
import dev.bpx.client.model.Kline;
import dev.bpx.client.model.OpenInterest;
import dev.bpx.client.model.PriceLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ModelJson}: model values as the exchange's wire JSON, and the schema of that JSON. */
class ModelJsonTest {
  private final ModelJson json = ModelJson.create();

  @Test
  void aModelRecordBecomesItsWireJsonWithAbsentFieldsLeftOut() {
    OpenInterest value = new OpenInterest("SOL_USDC_PERP", new BigDecimal("12.50"), Instant.ofEpochMilli(1_700_000_000_123L));

    assertThat(json.toJsonValue(value)).isEqualTo(
        Map.of("symbol", "SOL_USDC_PERP", "openInterest", "12.50", "timestamp", 1_700_000_000_123L));
    assertThat(json.toJsonValue(new OpenInterest("SOL_USDC_PERP", null, null))).isEqualTo(Map.of("symbol", "SOL_USDC_PERP"));
  }

  @Test
  void aListIsConvertedItemByItemAndNullStaysNull() {
    Kline kline = new Kline(null, null, null, null, null, new BigDecimal("141.5"), null, null, 7L);

    assertThat(json.toJsonValue(List.of(kline, kline))).isEqualTo(List.of(
        Map.of("close", "141.5", "trades", "7"), Map.of("close", "141.5", "trades", "7")));
    assertThat(json.toJsonValue(null)).isNull();
    assertThat(json.toJsonValue(new PriceLevel(new BigDecimal("1.0"), new BigDecimal("2")))).isEqualTo(List.of("1.0", "2"));
  }

  @Test
  void theSchemaTypesEachPropertyAsTheCodecWritesIt() {
    Map<String, Object> schema = ModelJson.schema(Kline.class, 1);

    assertThat(schema).containsEntry("type", "object");
    assertThat(schema.get("properties")).isEqualTo(Map.of(
        "start", Map.of("type", "string"), "end", Map.of("type", "string"),
        "open", Map.of("type", "string"), "high", Map.of("type", "string"), "low", Map.of("type", "string"),
        "close", Map.of("type", "string"), "volume", Map.of("type", "string"),
        "quoteVolume", Map.of("type", "string"), "trades", Map.of("type", "string")));
    @SuppressWarnings("unchecked")
    Map<String, Object> depth = (Map<String, Object>) ModelJson.schema(Depth.class, 1).get("properties");
    assertThat(depth).containsEntry("timestamp", Map.of("type", "integer"))
        .containsEntry("asks", Map.of("type", "array", "items", Map.of("type", "array", "items", Map.of("type", "string"))));
  }
}
