package dev.bpx.auth.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

  @Test
  @SuppressWarnings("unchecked")
  void parsesEveryKindOfValueAndKeepsMemberOrder() {
    Object value = Json.parse(" {\"b\":[1,2.50,-0.001e-2],\"a\":\"x\\u00e9\\n\",\"t\":true,\"f\":false,\"n\":null} ");

    Map<String, Object> map = (Map<String, Object>) value;
    assertThat(map.keySet()).containsExactly("b", "a", "t", "f", "n");
    assertThat(map.get("a")).isEqualTo("x\u00e9\n");
    assertThat(map.get("t")).isEqualTo(Boolean.TRUE);
    assertThat(map).containsEntry("n", null);
    assertThat((List<Object>) map.get("b")).containsExactly(new BigDecimal("1"), new BigDecimal("2.50"), new BigDecimal("-0.001e-2"));
  }

  @Test
  void numbersAreExactNeverDoubles() {
    assertThat(Json.parse("0.1000000000000000055511151231257827")).isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "tru", "\"abc", "{\"a\" 1}", "{a:1}", "[1] 2", "\"\\x\"", "{\"a\":1,\"a\":2}", "\"tab\there\""})
  void rejectsInvalidJsonWithAnOffset(String text) {
    assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonSyntaxException.class).hasMessageContaining("offset");
  }

  @Test
  void rejectsHostileNesting() {
    char[] open = new char[10_000];
    Arrays.fill(open, '[');

    assertThatThrownBy(() -> Json.parse(new String(open))).isInstanceOf(JsonSyntaxException.class)
        .hasMessageContaining("nesting");
  }

  @Test
  void writesCompactJsonThatParsesBack() {
    Map<String, Object> value = new java.util.LinkedHashMap<>();
    value.put("s", "q\"uote\\ \u0001");
    value.put("d", new BigDecimal("1E-7"));
    value.put("l", List.of(1, true));
    value.put("n", null);

    String text = Json.write(value);

    assertThat(text).isEqualTo("{\"s\":\"q\\\"uote\\\\ \\u0001\",\"d\":0.0000001,\"l\":[1,true],\"n\":null}");
    assertThat(Json.parse(text)).isEqualTo(Json.parse(text));
    assertThat(((Map<?, ?>) Json.parse(text)).get("s")).isEqualTo("q\"uote\\ \u0001");
  }
}
