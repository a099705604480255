package dev.bpx.mcp.setup;

import dev.bpx.auth.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One-click install links for clients that have them, made from the same {@link ServerEntry} that
 * {@code setup} writes, so the README's links and the command cannot drift apart (a test compares them).
 *
 * <ul>
 *   <li>VS Code: {@code vscode:mcp/install?} followed by {@code encodeURIComponent(JSON.stringify(obj))},
 *       obj being the {@code --add-mcp} form ({@code name} plus the entry);
 *       https://code.visualstudio.com/docs/copilot/guides/mcp-developer-guide ("MCP URL handler"). GitHub
 *       does not render {@code vscode:} links, so the README uses VS Code's web redirect to it.</li>
 *   <li>Cursor: {@code cursor://anysphere.cursor-deeplink/mcp/install?name=NAME&config=BASE64}, BASE64
 *       being the base64 of {@code JSON.stringify} of the entry; https://cursor.com/docs/mcp/install-links.</li>
 * </ul>
 * Thread-safe (stateless).
 */
public final class InstallLinks {
  /** The server's name in the links, as {@code setup} names it. */
  public static final String NAME = "backpack";

  /**
   * The launch a link can carry: a link cannot know where a jar will be on the reader's machine, so it
   * names the JBang alias of this repository's {@code jbang-catalog.json}, which resolves the server
   * from Maven Central (once released) and runs it with the fast-launch JVM options.
   */
  public static final ServerEntry JBANG = new ServerEntry("jbang", java.util.List.of("backpack-mcp@bpx-java/backpack-java"),
      Map.of());

  private InstallLinks() {}

  /**
   * {@return the README's install-link lines for {@link #JBANG}}, between the README's
   * {@code <!-- install-links -->} markers; a test fails when the README differs.
   */
  public static String readmeBlock() {
    return "* **VS Code**: [Install in VS Code](" + vscodeWeb(NAME, JBANG) + ") (link: `" + vscode(NAME, JBANG) + "`)\n"
        + "* **Cursor**: [Install in Cursor](" + cursor(NAME, JBANG) + ")\n";
  }

  /** {@return the {@code vscode:mcp/install?...} link} */
  public static String vscode(String name, ServerEntry entry) {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("name", name);
    obj.putAll(entry.toJson(true));
    return "vscode:mcp/install?" + encodeUriComponent(Json.write(obj));
  }

  /** {@return VS Code's https redirect to {@link #vscode}, for pages (GitHub) that do not link {@code vscode:}} */
  public static String vscodeWeb(String name, ServerEntry entry) {
    return "https://insiders.vscode.dev/redirect?url=" + encodeUriComponent(vscode(name, entry));
  }

  /** {@return the {@code cursor://...mcp/install} deep link} */
  public static String cursor(String name, ServerEntry entry) {
    String config = Base64.getEncoder().encodeToString(Json.write(entry.toJson(false)).getBytes(StandardCharsets.UTF_8));
    return "cursor://anysphere.cursor-deeplink/mcp/install?name=" + encodeUriComponent(name) + "&config=" + config;
  }

  /**
   * ECMAScript's {@code encodeURIComponent}: UTF-8, percent-encoded with upper-case hex, except
   * {@code A-Z a-z 0-9 - _ . ! ~ * ' ( )}. ({@code URLEncoder} is for forms: it writes a space as {@code +}.)
   */
  static String encodeUriComponent(String s) {
    StringBuilder out = new StringBuilder(s.length() * 2);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.!~*'()".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
