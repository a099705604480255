package dev.bpx.paper.store;

import dev.bpx.paper.command.Command;
import dev.bpx.paper.command.CommandParser;
import java.util.function.BiFunction;

/**
 * Each kind of command: its type name in the journal (the names of version 2, kept), its record, and
 * how to read the payload that versions 1 and 2 stored as the request had it. Those versions are
 * read by parsing the payload once more with the HTTP edge's {@link CommandParser}. They journaled
 * a command only after it had been applied, so a payload that no longer parses is an acknowledged
 * command this version cannot reproduce: the journal refuses to open (it never skips).
 */
enum CommandKind {
  CREATE_ACCOUNT("account.create", Command.CreateAccount.class, (key, payload) -> new Command.CreateAccount(key)),
  UPDATE_ACCOUNT("account.update", Command.UpdateAccount.class, CommandParser::updateAccount),
  ORDER("order", Command.PlaceOrder.class, CommandParser::order),
  ORDERS("orders", Command.PlaceOrders.class, CommandParser::orders),
  CANCEL("cancel", Command.CancelOrder.class, CommandParser::cancel),
  CANCEL_ALL("cancelAll", Command.CancelAll.class, CommandParser::cancelAll),
  BORROW_LEND("borrowLend", Command.BorrowLend.class, CommandParser::borrowLend),
  SET_PRICE("control.price", Command.SetPrice.class, (key, payload) -> CommandParser.setPrice(payload)),
  CLOCK("control.clock", Command.SetClock.class, (key, payload) -> CommandParser.clock(payload)),
  TICK("tick", Command.Tick.class, (key, payload) -> new Command.Tick()),
  FUND("control.fund", Command.Fund.class, CommandParser::fund),
  RESET("control.reset", Command.Reset.class, (key, payload) -> new Command.Reset(key)),
  UPSTREAM_DATA("upstream", Command.UpstreamData.class, (key, payload) -> {
    // Version 4 introduced it: an older journal that names it was not written by a paper exchange.
    throw new IllegalArgumentException("`upstream` commands exist from journal version 4 on");
  }),
  UPSTREAM_MARKETS("markets", Command.UpstreamMarkets.class, (key, payload) -> {
    throw new IllegalArgumentException("`markets` commands exist from journal version 5 on");
  }),
  TRADE_IDS("tradeIds", Command.NumberTradesPerMarket.class, (key, payload) -> {
    throw new IllegalArgumentException("`tradeIds` commands exist from journal version 6 on");
  }),
  PRICE_BANDS("priceBands", Command.PriceBands.class, (key, payload) -> {
    throw new IllegalArgumentException("`priceBands` commands exist from journal version 6 on");
  });

  /** The {@code "c"} of a journal line. */
  final String journalName;
  private final Class<? extends Command> type;
  private final BiFunction<String, Object, Command> legacyParser;

  CommandKind(String journalName, Class<? extends Command> type, BiFunction<String, Object, Command> legacyParser) {
    this.journalName = journalName;
    this.type = type;
    this.legacyParser = legacyParser;
  }

  static CommandKind of(Command c) {
    for (CommandKind k : values()) {
      if (k.type.isInstance(c)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown command " + c.getClass().getName());
  }

  /** @throws IllegalArgumentException for a name no version wrote */
  static CommandKind named(String journalName) {
    for (CommandKind k : values()) {
      if (k.journalName.equals(journalName)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown command type `" + journalName + "`");
  }

  /**
   * {@return the command a version 1 or 2 line holds}
   *
   * @throws RuntimeException ({@code ParseError}, {@code ApiError}) when the payload does not parse
   */
  Command parseLegacy(String apiKey, Object payload) {
    return legacyParser.apply(apiKey, payload);
  }
}
