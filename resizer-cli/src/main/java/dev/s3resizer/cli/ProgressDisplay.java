package dev.s3resizer.cli;

import dev.s3resizer.service.backfill.Progress;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/** A live bar on a terminal, plain periodic lines elsewhere (logs, CI), and a closing summary. */
final class ProgressDisplay {

    private static final int BAR = 30;

    private final PrintWriter out;
    private final boolean live;
    private final boolean dryRun;

    ProgressDisplay(PrintWriter out, boolean live, boolean dryRun) {
        this.out = out;
        this.live = live;
        this.dryRun = dryRun;
    }

    boolean live() {
        return live;
    }

    synchronized void show(Progress p) {
        if (live) {
            out.print("\r" + bar(p) + " " + counts(p) + "   ");
        } else {
            out.println("backfill " + counts(p));
        }
        out.flush();
    }

    synchronized void finish(Progress p) {
        if (live) {
            out.println("\r" + bar(p) + " " + counts(p) + "   ");
        }
        out.println(String.format(Locale.ROOT, "backfill %s: %d listed, %d %s, %d up to date, %d failed;"
                        + " %s read, %s written, %s saved; %.1f s (%.1f images/s)",
                dryRun ? "dry run done" : "done", p.total(), p.processed(), dryRun ? "to process" : "processed",
                p.upToDate(), p.failed(), Report.bytes(p.bytesIn()), Report.bytes(p.bytesOut()),
                Report.bytes(p.bytesSaved()), p.elapsed().toMillis() / 1000.0, p.rate()));
        out.flush();
    }

    private static String bar(Progress p) {
        int filled = p.total() == 0 ? 0 : (int) (BAR * p.done() / p.total());
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
    }

    private static String counts(Progress p) {
        Duration eta = p.eta();
        return String.format(Locale.ROOT, "%d/%d%s  %.1f images/s  %s saved  ETA %s  (%d failed)",
                p.done(), p.total(), p.listing() ? "+ (listing)" : "", p.rate(), Report.bytes(p.bytesSaved()),
                eta == null ? "--" : String.format(Locale.ROOT, "%d:%02d:%02d", eta.toHours(), eta.toMinutesPart(),
                        eta.toSecondsPart()),
                p.failed());
    }
}
