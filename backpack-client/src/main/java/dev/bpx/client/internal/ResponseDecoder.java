package dev.bpx.client.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import dev.bpx.client.exception.ResponseFormatException;
import dev.bpx.client.internal.json.JsonCodec;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import okio.Buffer;

/**
 * Reads 2xx bodies into model records with the client's one {@link Moshi}, and turns every way that
 * can fail into a {@link ResponseFormatException} naming the endpoint and the JSON path. Also hosts
 * the required-field checks that run after parsing (records themselves never throw, style guide B3).
 *
 * <p>Thread-safe.
 */
public final class ResponseDecoder {
  private final Moshi moshi;

  /** Creates a decoder over a Moshi built by {@link JsonCodec#newMoshi()}. */
  public ResponseDecoder(Moshi moshi) {
    this.moshi = Objects.requireNonNull(moshi, "moshi");
  }

  /** {@return the shared Moshi} */
  public Moshi moshi() {
    return moshi;
  }

  /**
   * {@return the body read as one {@code type}}
   *
   * @throws ResponseFormatException if the body is empty, not JSON, or of the wrong shape
   */
  public <T> T decode(ApiRequest request, ApiResponse response, Class<T> type) {
    return decode(request, response, moshi.adapter(type));
  }

  /**
   * {@return the body read as a JSON array of {@code elementType} (unmodifiable)}
   *
   * @throws ResponseFormatException if the body is empty, not JSON, or of the wrong shape
   */
  public <T> List<T> decodeList(ApiRequest request, ApiResponse response, Class<T> elementType) {
    return decode(request, response, JsonCodec.listAdapter(moshi, elementType));
  }

  /**
   * {@return the body read with {@code adapter}}
   *
   * @throws ResponseFormatException if the body is empty, not JSON, or of the wrong shape
   */
  public <T> T decode(ApiRequest request, ApiResponse response, JsonAdapter<T> adapter) {
    if (response.hasNoBody()) {
      throw new ResponseFormatException(request.endpoint(), "$", "the body is empty", null);
    }
    JsonReader reader = JsonReader.of(new Buffer().writeUtf8(response.body()));
    T value;
    try {
      value = adapter.fromJson(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new ResponseFormatException(
            request.endpoint(), reader.getPath(), "unexpected data after the JSON value", null);
      }
    } catch (JsonDataException e) {
      throw new ResponseFormatException(request.endpoint(), reader.getPath(), "wrong shape: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ResponseFormatException(request.endpoint(), reader.getPath(), "not valid JSON", e);
    } catch (AssertionError | RuntimeException e) {
      // Moshi wraps an exception thrown inside a record constructor in an AssertionError (style A2).
      if (e instanceof ResponseFormatException rfe) {
        throw rfe;
      }
      throw new ResponseFormatException(request.endpoint(), reader.getPath(), "could not be read", e);
    }
    if (value == null) {
      throw new ResponseFormatException(request.endpoint(), "$", "the body is JSON null", null);
    }
    return value;
  }

  /**
   * Fails when a field the client relies on is absent.
   *
   * @param request the request the value came from
   * @param value the field's value
   * @param jsonPath where it is, e.g. {@code $[2].id}
   * @throws ResponseFormatException if {@code value} is null
   */
  public static void require(ApiRequest request, Object value, String jsonPath) {
    if (value == null) {
      throw new ResponseFormatException(request.endpoint(), jsonPath, "a required field is missing", null);
    }
  }
}
