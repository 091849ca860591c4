package cn.tongban.catalog.web;

import cn.tongban.catalog.Audience;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.LifeEvent;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.catalog.ServiceTag;
import cn.tongban.catalog.Situation;
import cn.tongban.catalog.internal.Browse;
import cn.tongban.catalog.internal.CatalogEditor;
import cn.tongban.catalog.internal.CatalogSearch;
import cn.tongban.catalog.internal.GuidePdf;
import cn.tongban.catalog.internal.ItemChanges;
import cn.tongban.catalog.internal.ServiceItems;
import cn.tongban.platform.web.PlatformException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The public catalog: entry points, filtered lists, search, each item's guide (page and PDF), history and bundles. */
@Controller
class CatalogPages {
  private final Catalog catalog;
  private final CatalogSearch search;
  private final ServiceItems items;
  private final ItemChanges changes;
  private final GuidePdf pdf;

  CatalogPages(Catalog catalog, CatalogSearch search, ServiceItems items, ItemChanges changes, GuidePdf pdf) {
    this.catalog = catalog;
    this.search = search;
    this.items = items;
    this.changes = changes;
    this.pdf = pdf;
  }

  @GetMapping("/")
  String index(Model model) {
    List<ServiceItem> all = catalog.publishedItems();
    Map<String, List<ServiceItem>> byDepartment = all.stream()
        .collect(Collectors.groupingBy(ServiceItem::departmentName, LinkedHashMap::new, Collectors.toList()));
    model.addAttribute("byDepartment", byDepartment);
    model.addAttribute("departments", Browse.departments(all));
    model.addAttribute("regions", Browse.regions(all));
    model.addAttribute("personEvents", LifeEvent.of(Audience.PERSON));
    model.addAttribute("enterpriseEvents", LifeEvent.of(Audience.ENTERPRISE));
    model.addAttribute("tags", ServiceTag.values());
    model.addAttribute("bundles", catalog.bundles());
    return "catalog/index";
  }

  @GetMapping("/items")
  String list(@RequestParam(required = false) String department, @RequestParam(required = false) String region,
      @RequestParam(required = false) LifeEvent event, @RequestParam(required = false) ServiceTag tag,
      @RequestParam(defaultValue = "false") boolean oneVisit, Model model) {
    List<ServiceItem> all = catalog.publishedItems();
    Browse b = new Browse(department, region, event, tag, oneVisit);
    model.addAttribute("title", b.title(all));
    model.addAttribute("items", all.stream().filter(b::matches).toList());
    model.addAttribute("bundles", event == null ? List.of()
        : catalog.bundles().stream().filter(x -> x.lifeEvent() == event).toList());
    return "catalog/list";
  }

  @GetMapping("/search")
  String search(@RequestParam(name = "q", required = false) String q,
      @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
    String query = q == null ? "" : q.strip();
    if (query.length() > 50) {
      query = query.substring(0, 50);
    }
    model.addAttribute("q", query);
    model.addAttribute("hits", search.search(query, 20));
    return htmx != null ? "catalog/search :: results" : "catalog/search";
  }

  @GetMapping("/items/{code}")
  String guide(@PathVariable String code, @RequestParam Map<String, String> answers, Model model) {
    ServiceItem item = published(code);
    Map<String, String> given = answers(item, answers);
    model.addAttribute("item", item);
    model.addAttribute("answers", given);
    model.addAttribute("materials", item.guide().materialsFor(given));
    model.addAttribute("clauses", item.guide().conditionsFor(given));
    model.addAttribute("bundles", catalog.bundles().stream().filter(b -> b.members().contains(code)).toList());
    return "catalog/item";
  }

  @GetMapping("/items/{code}/materials")
  String materials(@PathVariable String code, @RequestParam Map<String, String> answers, Model model) {
    ServiceItem item = published(code);
    Map<String, String> given = answers(item, answers);
    model.addAttribute("item", item);
    model.addAttribute("answers", given);
    model.addAttribute("materials", item.guide().materialsFor(given));
    model.addAttribute("clauses", item.guide().conditionsFor(given));
    return "catalog/item :: situational";
  }

  @GetMapping("/items/{code}/history")
  String history(@PathVariable String code, Model model) {
    ServiceItem item = published(code);
    model.addAttribute("item", item);
    model.addAttribute("versions", items.versions(code));
    model.addAttribute("changes", changes.of(code).stream().map(c -> c.asDepartment(item.departmentName())).toList());
    model.addAttribute("labels", CatalogEditor.LABELS);
    return "catalog/history";
  }

  @GetMapping("/items/{code}/guide.pdf")
  ResponseEntity<byte[]> guidePdf(@PathVariable String code) {
    ServiceItem i = published(code);
    return pdfResponse(i.name() + "办事指南.pdf", pdf.guide(i));
  }

  @GetMapping("/items/{code}/blank-form.pdf")
  ResponseEntity<byte[]> blankForm(@PathVariable String code) {
    ServiceItem i = published(code);
    return pdfResponse(i.name() + "申请表（空白表格）.pdf", pdf.form(i, false));
  }

  @GetMapping("/items/{code}/sample-form.pdf")
  ResponseEntity<byte[]> sampleForm(@PathVariable String code) {
    ServiceItem i = published(code);
    return pdfResponse(i.name() + "申请表（示范文本）.pdf", pdf.form(i, true));
  }

  @GetMapping("/bundles/{code}")
  String bundle(@PathVariable String code, Model model) {
    model.addAttribute("service", catalog.bundle(code).orElseThrow(() -> PlatformException.notFound("一件事")));
    return "catalog/bundle";
  }

  private ServiceItem published(String code) {
    return catalog.publishedItem(code).orElseThrow(() -> PlatformException.notFound("事项"));
  }

  /** Only the item's own situations with one of their options count as answers. */
  private static Map<String, String> answers(ServiceItem item, Map<String, String> params) {
    Map<String, String> given = new LinkedHashMap<>();
    for (Situation s : item.guide().situations()) {
      String v = params.get(s.code());
      if (v != null && s.options().contains(v)) {
        given.put(s.code(), v);
      }
    }
    return given;
  }

  private static ResponseEntity<byte[]> pdfResponse(String fileName, byte[] body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }
}
