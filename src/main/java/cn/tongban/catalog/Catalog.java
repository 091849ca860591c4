package cn.tongban.catalog;

import cn.tongban.catalog.internal.Bundles;
import cn.tongban.catalog.internal.CatalogSearch;
import cn.tongban.catalog.internal.ItemChanges;
import cn.tongban.catalog.internal.ItemRules;
import cn.tongban.catalog.internal.ServiceItems;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The published catalog of service items and bundles: what other modules and the portal read. */
@Service
public class Catalog {
  private final ServiceItems items;
  private final Bundles bundles;
  private final ItemChanges changes;

  private final CatalogSearch search;

  Catalog(ServiceItems items, Bundles bundles, ItemChanges changes, CatalogSearch search) {
    this.search = search;
    this.items = items;
    this.bundles = bundles;
    this.changes = changes;
  }

  @Transactional(readOnly = true)
  public List<ServiceItem> publishedItems() {
    return search.publishedItems();
  }

  @Transactional(readOnly = true)
  public Optional<ServiceItem> publishedItem(ItemCode code) {
    return items.publishedByCode(code.value());
  }

  /** The published item a client named (a page's path, a request's field); an unknown or malformed code finds none. */
  @Transactional(readOnly = true)
  public Optional<ServiceItem> publishedItem(String code) {
    return ItemCode.parse(code).flatMap(this::publishedItem);
  }

  /** The exact version an application was made under. */
  @Transactional(readOnly = true)
  public Optional<ServiceItem> itemVersion(ItemCode code, int version) {
    return items.byCodeAndVersion(code.value(), version);
  }

  @Transactional(readOnly = true)
  public List<Bundle> bundles() {
    return bundles.all();
  }

  /** A bundle with its published members, combined form and deduplicated materials; empty if a member is withdrawn. */
  @Transactional(readOnly = true)
  public Optional<BundleService> bundle(String code) {
    return bundles.byCode(code).flatMap(b -> {
      List<ServiceItem> members = b.members().stream().map(items::publishedByCode)
          .flatMap(Optional::stream).toList();
      return members.size() == b.members().size() ? Optional.of(BundleService.of(b, members)) : Optional.empty();
    });
  }

  /** Adds an item as its first published version unless it already exists; refuses an inconsistent item whole. */
  @Transactional
  public boolean publishIfAbsent(ServiceItem item) {
    List<FieldProblem> problems = check(item);
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems.stream()
          .map(p -> new FieldProblem(item.code() + "." + p.field(), p.message())).toList());
    }
    if (items.exists(item.code())) {
      return false;
    }
    items.insert(item.asVersion(1), "PUBLISHED", "系统（初始目录）", "初始目录");
    changes.add(item.code(), 1, "IMPORTED", "system", "系统（初始目录）", List.of(), "初始目录");
    return true;
  }

  @Transactional
  public boolean addBundleIfAbsent(Bundle bundle) {
    List<FieldProblem> problems = checkBundle(bundle);
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    return bundles.insertIfAbsent(bundle);
  }

  List<FieldProblem> checkBundle(Bundle b) {
    List<FieldProblem> p = new ArrayList<>();
    if (b.code() == null || !b.code().matches("[0-9A-Za-z-]{1,50}")) {
      p.add(new FieldProblem("code", "一件事编码只能由字母、数字和连字符组成"));
    }
    if (b.members().size() < 2) {
      p.add(new FieldProblem("members", "一件事至少包含两个事项"));
    }
    for (String m : b.members()) {
      if (items.publishedByCode(m).isEmpty()) {
        p.add(new FieldProblem("members", "事项 " + m + " 不存在或未发布"));
      }
    }
    if (b.lifeEvent() != null && b.audience() != b.lifeEvent().audience()) {
      p.add(new FieldProblem("lifeEvent", "主题“" + b.lifeEvent().label() + "”不属于" + b.audience().label() + "服务"));
    }
    return p;
  }

  static List<FieldProblem> check(ServiceItem i) {
    return ItemRules.check(i);
  }
}
