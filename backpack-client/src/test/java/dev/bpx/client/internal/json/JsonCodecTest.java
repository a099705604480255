package dev.bpx.client.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.bpx.client.model.CapitalBalance;
import dev.bpx.client.model.MarkPrice;
import dev.bpx.client.model.PriceLevel;
import dev.bpx.client.model.Side;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonCodecTest {

  private final Moshi moshi = JsonCodec.newMoshi();

  /** Every public class compiled into {@code dev.bpx.client.model} (test-only directory scan). */
  static List<Class<?>> modelClasses() throws IOException, URISyntaxException {
    Path dir =
        Path.of(Side.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .resolve("dev/bpx/client/model");
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".class") && !n.contains("$"))
          .map(n -> load("dev.bpx.client.model." + n.substring(0, n.length() - 6)))
          .filter(c -> java.lang.reflect.Modifier.isPublic(c.getModifiers()))
          .<Class<?>>map(c -> c)
          .toList();
    }
  }

  /** Records whose wire form is a JSON object ({@code PriceLevel} is an array, tested apart). */
  static Stream<Class<?>> modelRecords() throws Exception {
    return modelClasses().stream().filter(Class::isRecord).filter(c -> c != PriceLevel.class);
  }

  static Stream<Class<?>> modelEnums() throws Exception {
    return modelClasses().stream().filter(Class::isEnum);
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("modelRecords")
  void everyModelRecordHasAnAdapterAndDecodesAnEmptyObject(Class<?> record) throws IOException {
    JsonAdapter<?> adapter = moshi.adapter(record);

    assertThat(adapter.fromJson("{}")).isNotNull();
  }

  @ParameterizedTest
  @MethodSource("modelRecords")
  void everyModelRecordIgnoresUnknownFields(Class<?> record) throws IOException {
    JsonAdapter<?> adapter = moshi.adapter(record);

    assertThat(adapter.fromJson("{\"someFieldBackpackAddsLater\":{\"x\":[1,\"2\",null]}}"))
        .isEqualTo(adapter.fromJson("{}"));
  }

  @ParameterizedTest
  @MethodSource("modelEnums")
  void everyModelEnumIsRegisteredWithAnUnknownFallback(Class<?> type) throws IOException {
    assertThat(JsonCodec.WIRE_ENUMS).contains(enumClass(type));

    Object decoded = moshi.adapter(type).fromJson("\"SomethingInvented2031\"");

    assertThat(((Enum<?>) decoded).name()).isEqualTo("UNKNOWN");
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Enum<?>> enumClass(Class<?> type) {
    return (Class<? extends Enum<?>>) type;
  }

  @Test
  void registeredEnumsAreExactlyTheModelEnums() throws Exception {
    assertThat(JsonCodec.WIRE_ENUMS).containsExactlyInAnyOrderElementsOf(
        modelEnums().map(JsonCodecTest::enumClass).toList());
  }

  @Test
  void capitalBodyDecodesToAMapKeyedByAssetInWireOrder() throws IOException {
    Map<String, CapitalBalance> balances =
        JsonCodec.capitalBalancesAdapter(moshi)
            .fromJson(
                """
                {"USDC":{"available":"46.157501635","locked":"0","staked":"0"},
                 "SOL":{"available":"0.019109","locked":"0.5","staked":"1.25"},
                 "POINTS":{"available":"12","locked":"0","staked":"0","newField":true}}
                """);

    assertThat(balances).containsOnlyKeys("USDC", "SOL", "POINTS");
    assertThat(balances.keySet()).containsExactly("USDC", "SOL", "POINTS");
    assertThat(balances.get("USDC").available()).isEqualByComparingTo("46.157501635");
    assertThat(balances.get("SOL").locked()).isEqualByComparingTo("0.5");
    assertThat(balances.get("SOL").staked()).isEqualByComparingTo("1.25");
    assertThatThrownBy(() -> balances.put("X", null))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void capitalBodyCanBeEmpty() throws IOException {
    assertThat(JsonCodec.capitalBalancesAdapter(moshi).fromJson("{}")).isEmpty();
  }

  @Test
  void capitalBalancesTypeIsAMapOfStringToCapitalBalance() {
    assertThat(JsonCodec.capitalBalancesType().getTypeName())
        .isEqualTo("java.util.Map<java.lang.String, dev.bpx.client.model.CapitalBalance>");
  }

  @Test
  void listAdapterDecodesArraysToUnmodifiableLists() throws IOException {
    List<MarkPrice> prices =
        JsonCodec.listAdapter(moshi, MarkPrice.class)
            .fromJson("[{\"symbol\":\"SOL_USDC\",\"markPrice\":\"101.04\"}]");

    assertThat(prices).singleElement().extracting(MarkPrice::symbol).isEqualTo("SOL_USDC");
    assertThatThrownBy(() -> prices.add(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void eachCallBuildsAFreshMoshi() {
    assertThat(JsonCodec.newMoshi()).isNotSameAs(JsonCodec.newMoshi());
  }
}
