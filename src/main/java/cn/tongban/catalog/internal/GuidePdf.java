package cn.tongban.catalog.internal;

import cn.tongban.catalog.FormField;
import cn.tongban.catalog.Guide;
import cn.tongban.catalog.MaterialRequirement;
import cn.tongban.catalog.ServiceItem;
import cn.tongban.catalog.ServiceTag;
import cn.tongban.catalog.Situation;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes an item's guide, and the blank and sample versions of its application form, as A4 PDFs with an embedded
 * (subset) WenQuanYi Micro Hei font, so the text is selectable and searchable.
 */
@Component
public class GuidePdf {
  private static final float MARGIN = 50;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private final File font;

  GuidePdf(@Value("${tongban.catalog.pdf-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String font) {
    this.font = new File(font);
  }

  public byte[] guide(ServiceItem i) {
    Guide g = i.guide();
    return render(i.name() + " 办事指南", w -> {
      w.title(i.name() + " 办事指南");
      w.small("事项编码 " + i.code() + "（第" + i.version() + "版）" + (i.baseCode() == null ? "" : " · 基本编码 " + i.baseCode()));
      w.heading("一、基本信息");
      w.line("事项类型：" + i.type().label() + "；行使层级：" + i.regionLevel().label() + "；实施区域：" + i.regionName());
      w.line("办件类型：" + i.caseTypeLabel() + "；法定办结时限：" + i.statutoryDays() + "个工作日；承诺办结时限：" + i.promisedDays() + "个工作日");
      w.line("到现场次数：" + i.visitsRequired() + "次；网办深度：" + i.onlineDepthLabel() + "；办理形式：" + nz(g.handlingMode()));
      if (!i.tags().isEmpty()) {
        w.line("服务标签：" + String.join("、", i.tags().stream().map(ServiceTag::label).toList()));
      }
      w.heading("二、部门信息");
      w.line("实施主体：" + i.departmentName() + "（统一社会信用代码 " + i.departmentCreditCode() + "）");
      w.line("地址：" + nz(g.departmentAddress()) + "；电话：" + nz(g.departmentPhone()));
      w.heading("三、办理窗口");
      w.line("地址：" + g.windowAddress());
      w.line("时间：" + g.windowHours());
      w.heading("四、受理标准（条件）");
      w.line(g.conditions());
      for (Guide.Clause c : g.situationalConditions()) {
        w.line("· " + c.text() + "（" + g.whenLabel(c.appliesWhen()) + "）");
      }
      if (!g.situations().isEmpty()) {
        w.heading("办理情形");
        for (Situation s : g.situations()) {
          w.line(s.question() + "：" + String.join(" / ", s.options()));
        }
      }
      w.heading("五、办理材料");
      int n = 1;
      for (MaterialRequirement m : g.materials()) {
        w.line(n++ + ". " + m.name() + "（" + (m.required() ? "必需" : "选交") + "；" + m.countLabel() + "；"
            + m.sourceLabel() + (m.conditional() ? "；" + g.whenLabel(m.appliesWhen()) : "") + "）");
      }
      w.heading("六、办理流程");
      n = 1;
      for (String s : g.processSteps()) {
        w.line(n++ + ". " + s);
      }
      w.heading("七、办理时限");
      w.line("法定办结时限" + i.statutoryDays() + "个工作日，承诺办结时限" + i.promisedDays() + "个工作日（" + i.caseTypeLabel() + "）。");
      w.heading("八、收费情况");
      w.line(g.fee());
      w.heading("九、审批结果");
      w.line(g.resultName() + (i.licenseValidityYears() == null ? "" : "，有效期" + i.licenseValidityYears() + "年"));
      w.line("样本：" + nz(g.resultSample()));
      w.heading("十、法律依据");
      w.line(g.legalBasis());
      w.heading("十一、常见问题");
      for (Guide.Faq f : g.faqs()) {
        w.line("问：" + f.question());
        w.line("答：" + f.answer());
      }
      if (g.faqs().isEmpty()) {
        w.line("暂无。");
      }
      w.heading("十二、咨询投诉");
      w.line("咨询电话：" + g.consultPhone() + "；投诉电话：" + g.complaintPhone());
      w.heading("十三、权利义务");
      w.line(g.rightsAndObligations());
      w.heading("十四、法律救济");
      w.line(g.legalRemedy());
    });
  }

  /** The application form as a paper form: blank (空白表格) or filled with the example values (示范文本). */
  public byte[] form(ServiceItem i, boolean sample) {
    String title = i.name() + " 申请表" + (sample ? "（示范文本）" : "（空白表格）");
    return render(title, w -> {
      w.title(title);
      w.small(i.departmentName() + " · 事项编码 " + i.code() + "（第" + i.version() + "版）");
      for (FormField f : i.form().fields()) {
        String value = sample ? nz(f.example()) : "";
        String options = f.options().isEmpty() ? "" : "（" + String.join(" / ", f.options()) + "）";
        w.line(f.label() + (f.required() ? " *" : "") + options + "：" + (value.isEmpty() ? "________________________" : value));
      }
      w.line("");
      w.line("申请人承诺：以上填写内容及提交的材料真实、有效。");
      w.line("申请人（签字）：" + (sample ? "张三" : "____________") + "    日期：" + (sample ? "2026年1月15日" : "______年____月____日"));
      if (sample) {
        w.small("本示范文本仅供填写参考，内容为示例。");
      }
    });
  }

  private interface Body {
    void write(Writer w) throws IOException;
  }

  private byte[] render(String title, Body body) {
    try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(font)) {
      PDType0Font f = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiMicroHei"), true);
      PDDocumentInformation info = doc.getDocumentInformation();
      info.setTitle(title);
      info.setCreator("通办");
      Writer w = new Writer(doc, f);
      body.write(w);
      w.close();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("guide PDF failed", e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** Flows text down A4 pages, wrapping by measured width (CJK text has no spaces to break at). */
  private static final class Writer {
    private final PDDocument doc;
    private final PDType0Font font;
    private PDPageContentStream cs;
    private float y;

    Writer(PDDocument doc, PDType0Font font) throws IOException {
      this.doc = doc;
      this.font = font;
      newPage();
    }

    void title(String s) throws IOException {
      text(s, 16, 8);
    }

    void heading(String s) throws IOException {
      y -= 6;
      text(s, 12.5f, 4);
    }

    void line(String s) throws IOException {
      text(s, 10.5f, 2);
    }

    void small(String s) throws IOException {
      text(s, 8.5f, 4);
    }

    private void text(String s, float size, float after) throws IOException {
      for (String l : wrap(s == null ? "" : s.replace('\n', ' ').replace('\t', ' '), size)) {
        if (y < MARGIN + size) {
          newPage();
        }
        y -= size * 1.45f;
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(MARGIN, y);
        cs.showText(l);
        cs.endText();
      }
      y -= after;
    }

    private List<String> wrap(String s, float size) throws IOException {
      List<String> lines = new ArrayList<>();
      StringBuilder cur = new StringBuilder();
      float width = 0;
      for (int k = 0; k < s.length(); ) {
        int cp = s.codePointAt(k);
        String ch = new String(Character.toChars(cp));
        float w = font.getStringWidth(ch) / 1000 * size;
        if (width + w > WIDTH && !cur.isEmpty()) {
          lines.add(cur.toString());
          cur.setLength(0);
          width = 0;
        }
        cur.append(ch);
        width += w;
        k += Character.charCount(cp);
      }
      lines.add(cur.toString());
      return lines;
    }

    private void newPage() throws IOException {
      if (cs != null) {
        cs.close();
      }
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      cs = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void close() throws IOException {
      cs.close();
    }
  }
}
