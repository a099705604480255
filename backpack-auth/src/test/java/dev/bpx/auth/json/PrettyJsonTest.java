package dev.bpx.auth.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {
  /** A client configuration with every kind of value, nested and empty containers, and escapes. */
  private static final String INPUT = """
      {"mcpServers":{"other":{"command":"npx","args":["-y","x"],"env":{}}},"n":150,"list":[],"t":true,"z":null,"s":"a\\"b\\\\c/é\\n","nested":[[],{}, [1,{"k":"v"}]]}""";

  /**
   * What Node.js 20.20.2 printed for INPUT with {@code JSON.stringify(JSON.parse(input), null, 2)}: the
   * layout JavaScript clients write their configuration files in.
   */
  private static final String NODE_OUTPUT = """
{
  "mcpServers": {
    "other": {
      "command": "npx",
      "args": [
        "-y",
        "x"
      ],
      "env": {}
    }
  },
  "n": 150,
  "list": [],
  "t": true,
  "z": null,
  "s": "a\\"b\\\\c/é\\n",
  "nested": [
    [],
    {},
    [
      1,
      {
        "k": "v"
      }
    ]
  ]
}""";

  @Test
  void writesTheLayoutOfJsonStringifyWithTwoSpaces() {
    assertThat(PrettyJson.write(Json.parse(INPUT), 2)).isEqualTo(NODE_OUTPUT);
  }

  @Test
  void parsesBackToTheSameValueNumbersAndScalesIncluded() {
    Object value = Json.parse("{\"a\":[1.50,1E+3,-0.0000001,12345678901234567890],\"b\":{\"c\":\"\\u2028\"}}");
    String text = PrettyJson.write(value, 4);
    assertThat(Json.parse(text)).isEqualTo(value);
    assertThat(text).contains("1.50", "1E+3");
  }

  @Test
  void writesEmptyContainersOnOneLineAndScalarsAlone() {
    assertThat(PrettyJson.write(Map.of(), 2)).isEqualTo("{}");
    assertThat(PrettyJson.write(List.of(), 2)).isEqualTo("[]");
    assertThat(PrettyJson.write(new BigDecimal("0.10"), 2)).isEqualTo("0.10");
    assertThat(PrettyJson.write(null, 2)).isEqualTo("null");
  }

  @Test
  void rejectsTypesTheReaderNeverReturns() {
    assertThatThrownBy(() -> PrettyJson.write(Map.of("x", 1.5d), 2)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Double");
    assertThatThrownBy(() -> PrettyJson.write(Map.of(), -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
