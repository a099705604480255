package dev.bpx.examples;

import dev.bpx.client.model.Balance;
import dev.bpx.client.model.BorrowLendPosition;
import java.util.List;

/**
 * Balances with lent funds: available, locked (in open orders), staked, lent (a positive borrow-lend
 * position, which {@code /capital} leaves out) and their total. An asset that is only lent still
 * appears. Read-only: it never places anything.
 *
 * <pre>./mvnw -q -pl backpack-examples exec:java -Dexec.mainClass=dev.bpx.examples.Balances</pre>
 */
public final class Balances {
  private Balances() {}

  static void run(ExampleSession session) {
    List<Balance> balances = session.client().capital().listBalances();
    session.table("Balances (client.capital().listBalances())",
        List.of("asset", "available", "locked", "staked", "lent", "borrowed", "total"),
        balances.stream().map(b -> List.<Object>of(b.asset(), ExampleSession.cell(b.available()),
            ExampleSession.cell(b.locked()), ExampleSession.cell(b.staked()), ExampleSession.cell(b.lent()),
            ExampleSession.cell(b.borrowed()), ExampleSession.cell(b.total()))).toList());
    List<BorrowLendPosition> lending = session.client().capital().listBorrowLendPositions();
    session.table("Borrow-lend positions (positive = lent, earning interest; negative = borrowed)",
        List.of("asset", "net quantity"),
        lending.stream().map(p -> List.<Object>of(p.symbol(), ExampleSession.cell(p.netQuantity()))).toList());
  }

  public static void main(String[] args) {
    ExampleSession.run(args, Balances::run);
  }
}
