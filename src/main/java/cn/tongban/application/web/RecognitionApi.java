package cn.tongban.application.web;

import cn.tongban.application.internal.MaterialRecognition;
import cn.tongban.catalog.Catalog;
import cn.tongban.catalog.FormField;
import cn.tongban.platform.web.PlatformException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Recognition (OCR) of an uploaded document: proposed values for the applicant to confirm, never stored. */
@RestController
@RequestMapping("/api/v1/recognitions")
@Tag(name = "材料识别", description = "识别身份证、营业执照的图片或扫描件，提出表单建议值，由申请人确认")
class RecognitionApi {
  private final MaterialRecognition recognition;
  private final Catalog catalog;

  RecognitionApi(MaterialRecognition recognition, Catalog catalog) {
    this.recognition = recognition;
    this.catalog = catalog;
  }

  /** {@code values} by data key (person.name, person.citizenId, …); {@code fields} by the item's form field names. */
  record Result(String kind, String kindLabel, Map<String, String> values, Map<String, String> fields) {}

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "识别证件", description = "kind：ID_CARD（居民身份证）或 BUSINESS_LICENSE（营业执照）；file：JPG、PNG 或 PDF。"
      + "给出 itemCode 时同时按该事项表单字段给出建议值。识别结果只是建议，须由申请人核对确认。")
  Result recognize(@RequestParam String kind, @RequestParam(required = false) String itemCode,
      @RequestPart("file") MultipartFile file) throws IOException {
    MaterialRecognition.Kind k;
    try {
      k = MaterialRecognition.Kind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw PlatformException.invalid("kind", "只能识别居民身份证（ID_CARD）或营业执照（BUSINESS_LICENSE）");
    }
    MaterialRecognition.Proposal p = recognition.recognize(k, file.getBytes());
    Map<String, String> fields = new LinkedHashMap<>();
    if (itemCode != null && !itemCode.isBlank()) {
      for (FormField f : catalog.publishedItem(itemCode).orElseThrow(() -> PlatformException.notFound("事项"))
          .form().fields()) {
        if (f.prefill() != null && p.values().containsKey(f.prefill())) {
          fields.put(f.name(), p.values().get(f.prefill()));
        }
      }
    }
    return new Result(k.name(), k.label, p.values(), fields);
  }
}
