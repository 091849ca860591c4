package cn.tongban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.TongbanTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Search quality on the seed catalog: what people type (俗称, partial words, whole sentences) → the item they need.
 * Each query must put the expected item first; a few may also accept it second, written down below.
 */
@TongbanTest
class CatalogSearchTest {
  /** query → expected item code (must rank first). */
  static final Map<String, String> FIRST = Map.ofEntries(
      Map.entry("开餐馆", "330782-SCJG-XK-001"),
      Map.entry("餐饮", "330782-SCJG-XK-001"),
      Map.entry("食品经营许可", "330782-SCJG-XK-001"),
      Map.entry("我想开个奶茶店", "330782-SCJG-XK-001"),
      Map.entry("个体户", "330782-SCJG-DJ-002"),
      Map.entry("注册公司", "330782-SCJG-DJ-003"),
      Map.entry("公司改名", "330782-SCJG-BG-004"),
      Map.entry("社保卡", "330782-RSJ-FW-001"),
      Map.entry("上户口", "330782-GA-DJ-002"),
      Map.entry("出生证", "330782-WJW-QR-003"),
      Map.entry("结婚", "330782-MZ-QR-001"),
      Map.entry("二手房过户", "330782-ZRZY-DJ-001"),
      Map.entry("失业金", "330782-RSJ-JF-002"),
      Map.entry("办退休", "330782-RSJ-QR-003"),
      Map.entry("残疾证", "330782-CL-QR-001"),
      Map.entry("卖烟", "330782-YC-XK-001"),
      Map.entry("护士", "330782-WJW-XK-002"),
      Map.entry("暂住证", "330782-GA-QR-001"),
      Map.entry("施工许可", "330700-ZJ-XK-001"),
      Map.entry("货运", "330782-JT-XK-001"),
      Map.entry("小学报名", "330782-JY-FW-001"),
      Map.entry("老年证", "330782001-MZ-FW-001"),
      Map.entry("卫生许可证", "330782-WJW-XK-001"),
      Map.entry("准生证", "330782001002-WJW-FW-001"));

  @Autowired CatalogSearch search;

  @Test
  void everyQueryFindsItsItemFirst() {
    StringBuilder misses = new StringBuilder();
    FIRST.forEach((q, code) -> {
      List<CatalogSearch.Hit> hits = search.search(q, 5);
      String top = hits.isEmpty() ? "(nothing)" : hits.get(0).item().code();
      if (!top.equals(code)) {
        misses.append(q).append(" → ").append(hits.stream().map(h -> h.item().name() + " " + h.score()).toList())
            .append(", expected ").append(code).append('\n');
      }
    });
    assertThat(misses.toString()).as("queries whose expected item is not first").isEmpty();
    assertThat(FIRST).hasSizeGreaterThanOrEqualTo(15);
  }

  @Test
  void partialWordsAndMaterialsAreFound() {
    // a fragment of a name (bigrams), and a material named only in the guide
    assertThat(search.search("食品经", 3)).extracting(h -> h.item().code()).first().isEqualTo("330782-SCJG-XK-001");
    assertThat(search.search("健康证明", 10)).extracting(h -> h.item().code()).contains("330782-SCJG-XK-001");
  }

  @Test
  void unrelatedWordsFindNothing() {
    assertThat(search.search("量子计算机", 5)).extracting(h -> h.item().code()).isEmpty();
    assertThat(search.search("   ", 5)).extracting(h -> h.item().code()).isEmpty();
  }
}
