package cn.tongban.application.internal;

import cn.tongban.identity.CitizenIdNumber;
import cn.tongban.identity.CreditCode;
import cn.tongban.platform.web.PlatformException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import net.sourceforge.tess4j.Tesseract;
import net.sourceforge.tess4j.TesseractException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a photographed or scanned common document (居民身份证, 营业执照) with Tesseract (simplified Chinese) and
 * proposes form values, which the applicant confirms: nothing recognized is ever stored unconfirmed. The recognized
 * text is personal data: it is neither logged nor kept.
 */
@Component
public class MaterialRecognition {
  /** The kinds of documents recognized, with the values each proposes (keyed like the forms' prefill sources). */
  public enum Kind {
    ID_CARD("居民身份证"), BUSINESS_LICENSE("营业执照");

    public final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  public record Proposal(Kind kind, Map<String, String> values) {}

  private static final Pattern ID = Pattern.compile("(\\d{17}[\\dXx])");
  private static final Pattern CREDIT = Pattern.compile("([0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10})");
  private static final Pattern NAME = Pattern.compile("姓名([\\p{IsHan}·]{2,15})");
  private static final Pattern ADDRESS = Pattern.compile("住址([\\p{IsHan}\\d\\-号室幢单元]{4,60})");
  private static final Pattern ENTERPRISE = Pattern.compile("名称([\\p{IsHan}（）()]{4,60})");
  private static final Pattern REPRESENTATIVE = Pattern.compile("(?:法定代表人|经营者|负责人)([\\p{IsHan}·]{2,15})");

  private final String tessdata;
  private final MaterialInspector inspector;

  MaterialRecognition(@Value("${tongban.ocr.tessdata:/usr/share/tesseract-ocr/5/tessdata}") String tessdata,
      MaterialInspector inspector) {
    this.tessdata = tessdata;
    this.inspector = inspector;
  }

  public Proposal recognize(Kind kind, byte[] content) {
    inspector.problem(content).ifPresent(p -> {
      throw PlatformException.invalid("file", p);
    });
    BufferedImage image = image(content);
    String text;
    try {
      Tesseract tesseract = new Tesseract(); // not thread-safe: one per recognition
      tesseract.setDatapath(tessdata);
      tesseract.setLanguage("chi_sim");
      tesseract.setPageSegMode(6); // a uniform block of text: the lines of a card
      text = tesseract.doOCR(image);
    } catch (TesseractException | Error e) {
      throw PlatformException.conflict("OCR_UNAVAILABLE", "暂时无法识别该文件，请手工填写。");
    }
    return new Proposal(kind, kind == Kind.ID_CARD ? idCard(text) : businessLicense(text));
  }

  /** Only the fields found and plausible: an ID number must pass its check digit, a credit code likewise. */
  static Map<String, String> idCard(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\\R")) {
      String l = compact(line);
      find(NAME, l).ifPresent(v -> out.putIfAbsent("person.name", v));
      find(ADDRESS, l).ifPresent(v -> out.putIfAbsent("person.address", v));
    }
    Matcher m = ID.matcher(compact(text).replace('O', '0').replace('o', '0'));
    while (m.find()) {
      String id = m.group(1).toUpperCase(Locale.ROOT);
      if (CitizenIdNumber.isValid(id)) {
        out.put("person.citizenId", id);
        break;
      }
    }
    return out;
  }

  static Map<String, String> businessLicense(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\\R")) {
      String l = compact(line);
      find(ENTERPRISE, l).ifPresent(v -> out.putIfAbsent("enterprise.name", v));
      find(REPRESENTATIVE, l).ifPresent(v -> out.putIfAbsent("enterprise.representative", v));
    }
    Matcher m = CREDIT.matcher(compact(text).toUpperCase(Locale.ROOT));
    while (m.find()) {
      if (CreditCode.isValid(m.group(1))) {
        out.put("enterprise.creditCode", m.group(1));
        break;
      }
    }
    return out;
  }

  private static Optional<String> find(Pattern p, String line) {
    Matcher m = p.matcher(line);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static String compact(String s) {
    return s.replaceAll("[\\s:：|]", "");
  }

  private static BufferedImage image(byte[] content) {
    try {
      if (MaterialInspector.sniff(content).orElse("").equals("application/pdf")) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
          if (pdf.getNumberOfPages() == 0) {
            throw PlatformException.invalid("file", "PDF文件没有页面");
          }
          return new PDFRenderer(pdf).renderImageWithDPI(0, 300, ImageType.GRAY);
        }
      }
      BufferedImage img = ImageIO.read(new ByteArrayInputStream(content));
      if (img == null) {
        throw PlatformException.invalid("file", "无法读取该图片");
      }
      return img;
    } catch (IOException e) {
      throw PlatformException.invalid("file", "无法读取该文件");
    }
  }
}
