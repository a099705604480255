package dev.bpx.auth.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonWriterTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      quote            | "          | \\"
      backslash        | \\         | \\\\
      slash stays raw  | /          | /
      DEL stays raw    | \u007f     | \u007f
      non-ASCII raw    | é€         | é€
      astral raw       | \ud83d\ude00 | \ud83d\ude00
      U+2028 raw       | a\u2028b   | a\u2028b
      U+2029 raw       | a\u2029b   | a\u2029b
      plain then quote | ab"cd      | ab\\"cd
      plain then pair then quote | x\ud83d\ude00"y | x\ud83d\ude00\\"y
      """)
  void escapesOnlyWhatJsonStringifyEscapes(String what, String text, String escaped) {
    assertThat(quoted(text)).isEqualTo("\"" + escaped + "\"");
  }

  @Test
  void writesControlsInTheirShortFormOrAsLowercaseHex() {
    assertThat(quoted("\b\t\n\f\r")).isEqualTo("\"\\b\\t\\n\\f\\r\"");
    assertThat(quoted("\u0000\u0001\u001f")).isEqualTo("\"\\u0000\\u0001\\u001f\"");
  }

  @Test
  void escapesLoneSurrogatesWhichHaveNoUtf8Encoding() {
    assertThat(quoted("a\ud800")).isEqualTo("\"a\\ud800\"");
    assertThat(quoted("\udc00b")).isEqualTo("\"\\udc00b\"");
    assertThat(quoted("\ude00\ud83d")).isEqualTo("\"\\ude00\\ud83d\"");
    assertThat(quoted("ok\ud800")).isEqualTo("\"ok\\ud800\"");
    assertThat(quoted("ok\ud83d\ude00\udc00")).isEqualTo("\"ok\ud83d\ude00\\udc00\"");
  }

  @Test
  void writesDecimalValuesAsPlainStringsAndInsertsCommas() {
    String text = new JsonWriter().beginObject().field("p", new BigDecimal("1E-7")).field("n", 3L)
        .field("b", (Boolean) null).name("a").beginArray().value(1).value("x").nullValue().endArray()
        .endObject().toString();

    assertThat(text).isEqualTo("{\"p\":\"0.0000001\",\"n\":3,\"b\":null,\"a\":[1,\"x\",null]}");
  }

  @Test
  void rawKeepsADecimalsScaleWhileJsonWriteUsesPlainNotation() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("d", new BigDecimal("1E+3"));
    value.put("l", Arrays.asList(new BigDecimal("2"), true, null));

    assertThat(new JsonWriter().raw(value).toString()).isEqualTo("{\"d\":1E+3,\"l\":[2,true,null]}");
    assertThat(Json.write(value)).isEqualTo("{\"d\":1000,\"l\":[2,true,null]}");
    assertThat(Json.parse(new JsonWriter().raw(value).toString())).isEqualTo(value);
  }

  @Test
  void refusesFloatingPointNumbers() {
    assertThatThrownBy(() -> new JsonWriter().raw(List.of(0.1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Double");
    assertThatThrownBy(() -> Json.write(1.5f)).isInstanceOf(IllegalArgumentException.class);
  }

  private static String quoted(String s) {
    StringBuilder out = new StringBuilder();
    JsonWriter.writeString(out, s);
    return out.toString();
  }
}
