package cn.tongban.catalog.internal;

import cn.tongban.catalog.Guide;
import cn.tongban.catalog.MaterialRequirement;
import cn.tongban.catalog.ServiceItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.LowerCaseFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Chinese full-text search over the published items, in memory (Lucene). Two analyses of every text: SmartChinese
 * words (餐饮, 许可, 营业执照) and overlapping character bigrams, so that partial words and unusual splits still
 * match. A query that is exactly an item's name or one of its keywords (俗称, e.g. 公司改名) wins; otherwise names and
 * keywords weigh most, then materials and the guide, then the department.
 *
 * <p>The index is rebuilt from PostgreSQL whenever the published catalog's fingerprint changes: after a publish on
 * this node, and on any node at its next search when another node has published (one cheap query per search), so
 * all nodes agree without talking to each other.
 */
@Component
public class CatalogSearch {
  private static final Logger log = LoggerFactory.getLogger(CatalogSearch.class);
  private static final Map<String, Float> BOOSTS = boosts();

  private final ServiceItems items;
  private final Analyzer words = new SmartChineseAnalyzer();
  private final Analyzer bigrams = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = new CJKWidthFilter(source);
      ts = new LowerCaseFilter(ts);
      ts = new CJKBigramFilter(ts, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
          | CJKBigramFilter.HANGUL, false);
      return new TokenStreamComponents(source, ts);
    }
  };
  private volatile Snapshot snapshot = new Snapshot(null, null, Map.of());

  public record Hit(ServiceItem item, float score) {}

  private record Snapshot(String fingerprint, IndexSearcher searcher, Map<String, ServiceItem> items) {}

  CatalogSearch(ServiceItems items) {
    this.items = items;
  }

  /** The published items that match, best first. */
  public List<Hit> search(String text, int limit) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    Snapshot s = current();
    if (s.searcher() == null) {
      return List.of();
    }
    BooleanQuery.Builder q = new BooleanQuery.Builder();
    // what people call the service, typed exactly (a name or a 俗称), outweighs any word overlap
    q.add(new BoostQuery(new TermQuery(new Term("exact", text.strip())), 20f), BooleanClause.Occur.SHOULD);
    for (var e : BOOSTS.entrySet()) {
      String field = e.getKey();
      for (String token : tokens(field.endsWith("_bi") ? bigrams : words, text)) {
        Query tq = new BoostQuery(new TermQuery(new Term(field, token)), e.getValue());
        q.add(tq, BooleanClause.Occur.SHOULD);
      }
    }
    try {
      List<Hit> hits = new ArrayList<>();
      var stored = s.searcher().storedFields();
      for (ScoreDoc sd : s.searcher().search(q.build(), limit).scoreDocs) {
        String code = stored.document(sd.doc).get("code");
        hits.add(new Hit(s.items().get(code), sd.score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rebuilds when this transaction has committed (the new version is then visible to the rebuild's query). */
  void refreshAfterCommit() {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          current();
        }
      });
    } else {
      current();
    }
  }

  /**
   * The published items, in department and code order, as held by the current snapshot: one small fingerprint query
   * instead of reading and parsing every item on each call.
   */
  public List<ServiceItem> publishedItems() {
    return List.copyOf(current().items().values());
  }

  private Snapshot current() {
    String fp = items.publishedFingerprint();
    Snapshot s = snapshot;
    if (fp.equals(s.fingerprint())) {
      return s;
    }
    synchronized (this) {
      if (!fp.equals(snapshot.fingerprint())) {
        snapshot = build(fp);
      }
      return snapshot;
    }
  }

  private Snapshot build(String fingerprint) {
    List<ServiceItem> published = items.published();
    Map<String, Analyzer> perField = new LinkedHashMap<>();
    BOOSTS.keySet().forEach(f -> perField.put(f, f.endsWith("_bi") ? bigrams : words));
    var directory = new ByteBuffersDirectory();
    try (IndexWriter w = new IndexWriter(directory,
        new IndexWriterConfig(new PerFieldAnalyzerWrapper(words, perField)))) {
      for (ServiceItem i : published) {
        Document d = new Document();
        d.add(new StringField("code", i.code(), Field.Store.YES));
        d.add(new StringField("exact", i.name(), Field.Store.NO));
        i.keywords().forEach(k -> d.add(new StringField("exact", k, Field.Store.NO)));
        Map<String, String> texts = texts(i);
        texts.forEach((f, t) -> {
          d.add(new TextField(f, t, Field.Store.NO));
          d.add(new TextField(f + "_bi", t, Field.Store.NO));
        });
        w.addDocument(d);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      var searcher = new IndexSearcher(DirectoryReader.open(directory));
      log.info("Catalog search index built: {} published item(s)", published.size());
      return new Snapshot(fingerprint, searcher,
          published.stream().collect(Collectors.toMap(ServiceItem::code, i -> i, (a, b) -> a, LinkedHashMap::new)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> texts(ServiceItem i) {
    Guide g = i.guide();
    Map<String, String> t = new LinkedHashMap<>();
    t.put("name", i.name());
    t.put("keywords", String.join(" ", i.keywords()) + " " + g.resultName());
    t.put("materials", g.materials().stream().map(MaterialRequirement::name).collect(Collectors.joining(" ")));
    t.put("guide", Stream.concat(Stream.of(g.conditions(), g.legalBasis()),
            Stream.concat(g.faqs().stream().flatMap(f -> Stream.of(f.question(), f.answer())),
                g.situations().stream().flatMap(s -> Stream.concat(Stream.of(s.question()), s.options().stream()))))
        .filter(Objects::nonNull).collect(Collectors.joining(" ")));
    t.put("department", i.departmentName() + " " + i.type().label());
    return t;
  }

  private static Set<String> tokens(Analyzer analyzer, String text) {
    Set<String> out = new LinkedHashSet<>();
    try (TokenStream ts = analyzer.tokenStream("q", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Map<String, Float> boosts() {
    Map<String, Float> b = new LinkedHashMap<>();
    b.put("name", 6f);
    b.put("name_bi", 4f);
    b.put("keywords", 4f);
    b.put("keywords_bi", 2f);
    b.put("materials", 1f);
    b.put("materials_bi", 0.5f);
    b.put("guide", 1f);
    b.put("guide_bi", 0.5f);
    b.put("department", 0.5f);
    b.put("department_bi", 0.3f);
    return Map.copyOf(b);
  }
}
