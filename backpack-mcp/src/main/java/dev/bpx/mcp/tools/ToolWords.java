package dev.bpx.mcp.tools;

import dev.bpx.client.exception.ValidationException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The client's refusals in the words of the tools. The client speaks to Java callers ("use
 * OrderRequest.limit(...)", "(SafetyLimits.withMaxOpenOrders)") and ends some fixes with "nothing was
 * sent"; an assistant calls tools with JSON arguments and is told once, by {@link ToolErrors}, that
 * nothing was sent. Every value a text repeats is cut to {@value #MAX_RUN} characters, so a pasted
 * 100,000-character argument does not come back whole. Thread-safe (stateless).
 */
final class ToolWords {
  /** The longest run of non-blank characters a text repeats; a symbol or an amount is far shorter. */
  static final int MAX_RUN = 64;

  private static final Pattern LONG_RUN = Pattern.compile("\\S{" + (MAX_RUN + 1) + ",}");
  private static final Pattern NOTHING_SENT = Pattern.compile("(^|[;,]\\s*)nothing was sent$");
  /** A Java name in parentheses after a setting, e.g. " (SafetyLimits.withMaxOpenOrders)": the setting is the tool word. */
  private static final Pattern JAVA_ALIAS = Pattern.compile(" \\([A-Z][A-Za-z]+\\.[a-z][A-Za-z]*\\)");
  /** Client wording and the tool wording for it, in the order they are tried. */
  private static final List<String[]> PHRASES = List.of(
      new String[] {"use OrderRequest.marketByQuantity(...) or marketByQuoteQuantity(...)",
          "give quantity (base asset) or quoteQuantity (quote asset)"},
      new String[] {"use OrderRequest.limit(...) or OrderRequest.marketByQuantity(...)",
          "give orderType Limit or Market"},
      new String[] {"remove it, or use OrderRequest.marketByQuoteQuantity(...)", "remove it, or give only quoteQuantity"},
      new String[] {"remove it, or use OrderRequest.limit(...) for a price limit",
          "remove it, or use orderType Limit for a price limit"},
      new String[] {"build one with OrderRequest.limit(...) or marketByQuantity(...)", "give the order's arguments"});

  private ToolWords() {}

  /** {@return the problems of a refusal, each "field: reason (fix)", in tool words and with long values cut} */
  static String problems(ValidationException e) {
    List<String> each = e.violations().stream().map(ToolWords::violation).toList();
    String text = each.size() == 1 ? each.get(0)
        : each.size() + " problems: " + each.stream().collect(Collectors.joining("; "));
    return capRuns(text.endsWith(".") ? text.substring(0, text.length() - 1) : text);
  }

  private static String violation(ValidationException.Violation v) {
    String fix = words(v.fix());
    return v.field() + ": " + words(v.reason()) + (fix.isEmpty() ? "" : " (" + fix + ")");
  }

  /** {@return client wording in tool words, without a trailing "nothing was sent" (the caller says it once)} */
  static String words(String clientText) {
    String text = clientText.strip();
    for (String[] phrase : PHRASES) {
      text = text.replace(phrase[0], phrase[1]);
    }
    text = JAVA_ALIAS.matcher(text).replaceAll("");
    return NOTHING_SENT.matcher(text).replaceAll("").strip();
  }

  /**
   * {@return {@code text} with every run of more than {@value #MAX_RUN} non-blank characters cut to
   * its first {@value #MAX_RUN}, followed by "…(N chars)"} Runs, not the whole text: the explanation
   * around an echoed value stays whole.
   */
  static String capRuns(String text) {
    if (text == null || text.length() <= MAX_RUN) {
      return text;
    }
    Matcher m = LONG_RUN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String run = m.group();
      m.appendReplacement(out, Matcher.quoteReplacement(run.substring(0, MAX_RUN) + "…(" + run.length() + " chars)"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
