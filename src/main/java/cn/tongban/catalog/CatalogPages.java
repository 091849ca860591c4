package cn.tongban.catalog;

import cn.tongban.platform.web.PlatformException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public catalog: the list of services and each item's guide. */
@Controller
class CatalogPages {
  private final Catalog catalog;

  CatalogPages(Catalog catalog) {
    this.catalog = catalog;
  }

  @GetMapping("/")
  String index(Model model) {
    Map<String, List<ServiceItem>> byDepartment = catalog.publishedItems().stream()
        .collect(Collectors.groupingBy(ServiceItem::departmentName, LinkedHashMap::new, Collectors.toList()));
    model.addAttribute("byDepartment", byDepartment);
    return "catalog/index";
  }

  @GetMapping("/items/{code}")
  String guide(@PathVariable String code, Model model) {
    model.addAttribute("item", catalog.publishedItem(code).orElseThrow(() -> PlatformException.notFound("事项")));
    return "catalog/item";
  }
}
