// Loads N-Quads files into a new TDB2 store with Jena's own bulk loader (the same engine as
// tdb2.tdbloader), so benchmarks start from a big store quickly. Run with the shaded jar:
//   java -cp target/reelgraph.jar bench/TdbBulkLoad.java DB_DIR FILE...
import java.util.Arrays;

import org.apache.jena.system.progress.MonitorOutput;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

public class TdbBulkLoad {
    public static void main(String[] args) {
        var dsg = DatabaseMgr.connectDatasetGraph(args[0]);
        MonitorOutput quiet = (fmt, a) -> {};
        DataLoader loader = LoaderFactory.parallelLoader(dsg, quiet);
        long start = System.nanoTime();
        loader.startBulk();
        loader.load(Arrays.asList(args).subList(1, args.length));
        loader.finishBulk();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("loaded %,d quads in %.1f s (%,.0f quads/s)%n", loader.countQuads(), seconds, loader.countQuads() / seconds);
    }
}
