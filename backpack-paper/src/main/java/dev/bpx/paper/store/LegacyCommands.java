package dev.bpx.paper.store;

import dev.bpx.paper.engine.Command;
import dev.bpx.paper.engine.CommandParser;

/**
 * Reads a command of journal versions 1 and 2, which stored each request's payload as received:
 * it is parsed once more, by the same {@link CommandParser} as the HTTP edge, into the typed
 * command. Those versions journaled a command only after it had been applied, so a payload that
 * no longer parses is an acknowledged command this version cannot reproduce: the journal refuses
 * to open (it never skips). Stateless.
 */
final class LegacyCommands {
  private LegacyCommands() {}

  /**
   * @throws RuntimeException ({@code ParseError}, {@code ApiError}, {@link IllegalArgumentException}) when
   *     the payload does not parse or the type is unknown
   */
  static Command parse(String type, String apiKey, Object payload) {
    switch (type) {
      case CommandCodec.CREATE_ACCOUNT:
        return new Command.CreateAccount(apiKey);
      case CommandCodec.UPDATE_ACCOUNT:
        return CommandParser.updateAccount(apiKey, payload);
      case CommandCodec.ORDER:
        return CommandParser.order(apiKey, payload);
      case CommandCodec.ORDERS:
        return CommandParser.orders(apiKey, payload);
      case CommandCodec.CANCEL:
        return CommandParser.cancel(apiKey, payload);
      case CommandCodec.CANCEL_ALL:
        return CommandParser.cancelAll(apiKey, payload);
      case CommandCodec.BORROW_LEND:
        return CommandParser.borrowLend(apiKey, payload);
      case CommandCodec.SET_PRICE:
        return CommandParser.setPrice(payload);
      case CommandCodec.CLOCK:
        return CommandParser.clock(payload);
      case CommandCodec.TICK:
        return new Command.Tick();
      case CommandCodec.FUND:
        return CommandParser.fund(apiKey, payload);
      case CommandCodec.RESET:
        return new Command.Reset(apiKey);
      default:
        throw new IllegalArgumentException("unknown command type `" + type + "`");
    }
  }
}
