package cn.tongban.application.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** OCR of a generated ID-card image with Debian's Tesseract and its simplified Chinese data. */
public class MaterialRecognitionTest {

  /** The back-to-front of a 居民身份证 as a phone photographs it: the labelled lines, in a Chinese font. */
  public static byte[] idCardImage(String name, String citizenId) throws Exception {
    BufferedImage img = new BufferedImage(1300, 820, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0xf4f1e8));
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font("WenQuanYi Micro Hei", Font.PLAIN, 52));
    g.drawString("姓名  " + name, 80, 140);
    g.drawString("性别  男    民族  汉", 80, 250);
    g.drawString("出生  1990年1月1日", 80, 360);
    g.drawString("住址  浙江省义乌市稠城街道", 80, 470);
    g.drawString("公民身份号码  " + citizenId, 80, 700);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }

  @Test
  void anIdCardImageProposesTheNameAndTheNumber() throws Exception {
    MaterialRecognition ocr = new MaterialRecognition("/usr/share/tesseract-ocr/5/tessdata",
        new MaterialInspector(10 * 1024 * 1024));
    MaterialRecognition.Proposal p = ocr.recognize(MaterialRecognition.Kind.ID_CARD,
        idCardImage("张三", "330782199001011239"));
    assertThat(p.values()).containsEntry("person.name", "张三")
        .containsEntry("person.citizenId", "330782199001011239");
  }

  @Test
  void onlyPlausibleValuesAreProposed() {
    // a number whose check digit is wrong is not proposed; the name is taken from its labelled line
    assertThat(MaterialRecognition.idCard("姓 名 李 四\n公民身份号码 330782199001011238"))
        .containsEntry("person.name", "李四").doesNotContainKey("person.citizenId");
    assertThat(MaterialRecognition.businessLicense("名称 义乌市三和小商品有限公司\n统一社会信用代码 91330782MA2EC1234K"))
        .containsEntry("enterprise.name", "义乌市三和小商品有限公司")
        .containsEntry("enterprise.creditCode", "91330782MA2EC1234K");
  }
}
