package cn.tongban.catalog.internal;

import cn.tongban.catalog.ServiceItem;
import cn.tongban.platform.web.FieldProblem;
import cn.tongban.platform.web.PlatformException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog's exchange file: a JSON array of items exactly as the API shows them. Reading is strict (an unknown or
 * misspelt element is an error, not silently dropped) and reports every unreadable item at once, by position, code
 * and element, so that a bad file is refused whole.
 */
@Component
public class CatalogFiles {
  private final JsonMapper json;
  private final ObjectReader itemReader;

  CatalogFiles(JsonMapper json) {
    this.json = json;
    this.itemReader = json.readerFor(ServiceItem.class)
        .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  public List<ServiceItem> read(byte[] content) {
    JsonNode root;
    try {
      root = json.readTree(content);
    } catch (JacksonException e) {
      throw PlatformException.invalid("file", "文件不是有效的JSON：" + e.getOriginalMessage());
    }
    if (root == null || !root.isArray()) {
      throw PlatformException.invalid("file", "文件应为事项的JSON数组");
    }
    List<ServiceItem> items = new ArrayList<>();
    List<FieldProblem> problems = new ArrayList<>();
    for (int k = 0; k < root.size(); k++) {
      JsonNode node = root.get(k);
      String code = node.path("code").asString("无编码");
      String name = node.path("name").asString("");
      try {
        items.add(itemReader.readValue(node));
      } catch (JacksonException e) {
        String path = path(e);
        problems.add(new FieldProblem("items[" + k + "]" + (path.isEmpty() ? "" : "." + path),
            name + "（" + code + "）：" + (path.isEmpty() ? "" : path + " ") + "无法识别（" + e.getOriginalMessage() + "）"));
      }
    }
    if (!problems.isEmpty()) {
      throw PlatformException.invalid(problems);
    }
    return items;
  }

  public byte[] write(List<ServiceItem> items) {
    return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(items);
  }

  private static String path(JacksonException e) {
    StringBuilder sb = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }
}
