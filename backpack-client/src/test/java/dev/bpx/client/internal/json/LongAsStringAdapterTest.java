package dev.bpx.client.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LongAsStringAdapterTest {

  private final JsonAdapter<Long> adapter =
      JsonCodec.newMoshi().adapter(Long.class, LongAsString.class);

  @Test
  void readsAnIntegerFromAString() throws IOException {
    assertThat(adapter.fromJson("\"3858\"")).isEqualTo(3858L);
  }

  @Test
  void readsAnIntegerFromANumberToo() throws IOException {
    assertThat(adapter.fromJson("245")).isEqualTo(245L);
  }

  @Test
  void writesAString() {
    assertThat(adapter.toJson(3858L)).isEqualTo("\"3858\"");
  }

  @Test
  void nullStaysNull() throws IOException {
    assertThat(adapter.fromJson("null")).isNull();
    assertThat(adapter.toJson(null)).isEqualTo("null");
  }

  @Test
  void nonIntegerTextFails() {
    assertThatThrownBy(() -> adapter.fromJson("\"many\"")).isInstanceOf(JsonDataException.class);
  }
}
