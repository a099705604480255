package dev.bpx.paper.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpx.auth.json.Json;
import dev.bpx.auth.json.JsonWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The project's JSON codec (auth's {@link Json} and {@link JsonWriter}) against an independent parser,
 * Jackson: every class of character the writer can meet goes out as the paper exchange sends it (UTF-8
 * bytes) and must come back the same, read by Jackson and by our own reader.
 */
class WireJsonOracleTest {
  private static final ObjectMapper JACKSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** One sample per class, named for the failure message. */
  private static Map<String, String> samples() {
    Map<String, String> s = new LinkedHashMap<>();
    StringBuilder controls = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      controls.append(c);
    }
    s.put("controls", controls.toString());
    s.put("quote", "\"");
    s.put("backslash", "\\");
    s.put("slash", "/");
    s.put("DEL", "\u007f");
    s.put("latin-1 and BMP", "é€中");
    s.put("U+2028", "\u2028");
    s.put("U+2029", "\u2029");
    s.put("U+FFFF", "\uffff");
    s.put("astral", new String(Character.toChars(0x1F600)) + new String(Character.toChars(0x10FFFF)));
    s.put("lone high surrogate", "a\ud800");
    s.put("lone low surrogate", "\udc00b");
    s.put("reversed pair", "\ude00\ud83d");
    s.put("everything", String.join("", s.values()));
    return s;
  }

  @Test
  void everyCharacterClassSurvivesTheWireReadByJacksonAndByOurReader() throws Exception {
    Map<String, String> samples = samples();
    JsonWriter w = new JsonWriter().beginObject();
    samples.forEach((name, text) -> w.field(name, text).field(text, name));
    byte[] wire = w.endObject().toString().getBytes(StandardCharsets.UTF_8);

    JsonNode jackson = JACKSON.readTree(wire);
    @SuppressWarnings("unchecked")
    Map<String, Object> ours = (Map<String, Object>) Json.parse(new String(wire, StandardCharsets.UTF_8));
    for (Map.Entry<String, String> e : samples.entrySet()) {
      assertThat(jackson.get(e.getKey()).textValue()).as(e.getKey() + " as a value").isEqualTo(e.getValue());
      assertThat(jackson.get(e.getValue()).textValue()).as(e.getKey() + " as a name").isEqualTo(e.getKey());
      assertThat(ours).as(e.getKey()).containsEntry(e.getKey(), e.getValue()).containsEntry(e.getValue(), e.getKey());
    }
  }

  @Test
  void everyBmpCodeUnitAloneSurvivesTheWire() throws Exception {
    List<String> all = new ArrayList<>();
    for (int c = 0; c <= 0xFFFF; c++) {
      all.add(String.valueOf((char) c));
    }
    byte[] wire = new JsonWriter().raw(all).toString().getBytes(StandardCharsets.UTF_8);

    JsonNode jackson = JACKSON.readTree(wire);
    List<?> ours = (List<?>) Json.parse(new String(wire, StandardCharsets.UTF_8));
    for (int c = 0; c <= 0xFFFF; c++) {
      assertThat(jackson.get(c).textValue()).as("U+%04X", c).isEqualTo(all.get(c));
    }
    assertThat(ours).isEqualTo(all);
  }

  @Test
  void decimalsAreExactBothAsStringsAndAsRawNumbers() throws Exception {
    BigDecimal tiny = new BigDecimal("0.1000000000000000055511151231257827");
    BigDecimal scaled = new BigDecimal("1E+3");
    String text = new JsonWriter().beginObject().field("s", tiny).name("n").raw(List.of(tiny, scaled))
        .endObject().toString();

    JsonNode jackson = JACKSON.readTree(text);
    assertThat(new BigDecimal(jackson.get("s").textValue())).isEqualTo(tiny);
    assertThat(jackson.get("n").get(0).decimalValue()).isEqualTo(tiny);
    assertThat(jackson.get("n").get(1).decimalValue()).isEqualByComparingTo(scaled);
    assertThat(((Map<?, ?>) Json.parse(text)).get("n")).isEqualTo(List.of(tiny, scaled));
  }
}
