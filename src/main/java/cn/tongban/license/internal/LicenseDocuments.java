package cn.tongban.license.internal;

import cn.tongban.platform.crypto.Sm2;
import cn.tongban.platform.crypto.Sm3;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The sealed document of a license: a one-page PDF showing the license's data, the issuing authority's visible
 * seal and a QR code that leads to the verification page; the issuer's SM2 seal key signs the document's bytes, and
 * the document carries the identifier, the signed canonical data and its signature as metadata. Documents of
 * decisions are made at issuance; documents of imported legacy licenses on first request.
 */
@Component
public class LicenseDocuments {
  static final String FORMAT = "PDF";
  private static final Color SEAL_RED = new Color(0xD0, 0x1E, 0x1E);

  record Document(UUID licenseId, byte[] content, String sm3, String keyId, byte[] signature) {}

  private final JdbcClient jdbc;
  private final SealKeyStore keys;
  private final LicenseTypes types;
  private final String publicUrl;
  private final File fontFile;

  private final HolderIds holders;

  LicenseDocuments(JdbcClient jdbc, SealKeyStore keys, LicenseTypes types, HolderIds holders,
      @Value("${tongban.public-url:http://localhost:8080}") String publicUrl,
      @Value("${tongban.license.font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String font) {
    this.jdbc = jdbc;
    this.keys = keys;
    this.types = types;
    this.holders = holders;
    this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    this.fontFile = new File(font);
  }

  public String verificationUrl(String identifier) {
    return publicUrl + "/verify/" + UriUtils.encodePathSegment(identifier, StandardCharsets.UTF_8);
  }

  /** The stored document of the license, made and sealed now if it has none yet. */
  Document documentFor(License l) {
    return stored(l.id()).orElseGet(() -> {
      create(l);
      return stored(l.id()).orElseThrow();
    });
  }

  public void create(License l) {
    byte[] pdf = render(l);
    String keyId = keys.activeKeyId(LicenseIssuer.sealOwner(l.issuerCode()));
    byte[] signature = keys.sign(keyId, pdf);
    jdbc.sql("""
        insert into license.license_document (license_id, format, content_sealed, sm3, key_id, signature)
        values (?, ?, ?, ?, ?, ?) on conflict do nothing""")
        .params(l.id(), FORMAT, holders.sealBytes(pdf, "license-document"), Sm3.hex(pdf), keyId, signature).update();
  }

  Optional<Document> stored(UUID licenseId) {
    return jdbc.sql("""
        select license_id, content_sealed, sm3, key_id, signature from license.license_document where license_id = ?""")
        .param(licenseId).query((rs, i) -> new Document(rs.getObject(1, UUID.class),
            holders.openBytes(rs.getBytes(2), "license-document"), rs.getString(3), rs.getString(4), rs.getBytes(5)))
        .optional();
  }

  Optional<UUID> licenseOfDocumentHash(String sm3) {
    return jdbc.sql("select license_id from license.license_document where sm3 = ?").param(sm3).query(UUID.class)
        .optional();
  }

  /** True when the bytes are exactly the document the issuer sealed: its signature verifies over them. */
  boolean intact(Document stored, byte[] file) {
    return keys.publicKey(stored.keyId()).map(k -> Sm2.verify(k, file, stored.signature())).orElse(false);
  }

  /** The identifier a PDF names in its metadata, if the file can be read as one. */
  static Optional<String> identifierIn(byte[] file) {
    try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(file))) {
      return Optional.ofNullable(doc.getDocumentInformation().getCustomMetadataValue("TongbanIdentifier"));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  byte[] render(License l) {
    LicenseType type = types.byCode(l.typeCode()).orElse(null);
    try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(fontFile)) {
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      PDType0Font font = PDType0Font.load(doc, ttc.getFontByName("WenQuanYiMicroHei"), true);
      PDDocumentInformation info = new PDDocumentInformation();
      info.setTitle(l.name());
      info.setAuthor(l.issuerName());
      info.setCustomMetadataValue("TongbanIdentifier", l.identifier());
      info.setCustomMetadataValue("TongbanKeyId", l.keyId());
      info.setCustomMetadataValue("TongbanSignedData", Base64.getEncoder().encodeToString(l.canonicalBytes()));
      info.setCustomMetadataValue("TongbanSignature", Base64.getEncoder().encodeToString(l.signature()));
      doc.setDocumentInformation(info);
      float w = page.getMediaBox().getWidth();
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.setStrokingColor(new Color(0x8B, 0x6D, 0x2F));
        cs.setLineWidth(3);
        cs.addRect(30, 30, w - 60, page.getMediaBox().getHeight() - 60);
        cs.stroke();
        centered(cs, font, 26, l.name(), w, 760);
        centered(cs, font, 10, "证照标识 " + l.identifier(), w, 730);
        float y = 680;
        y = line(cs, font, "持证主体", l.holderName(), y);
        y = line(cs, font, "主体代码", l.holderId(), y);
        for (Map.Entry<String, String> e : new TreeMap<>(l.data()).entrySet()) {
          if (e.getKey().equals("applicantName") || e.getKey().equals("applicantCitizenId")
              || e.getKey().equals("contactPhone")) {
            continue;
          }
          y = line(cs, font, type == null ? e.getKey() : type.labelOf(e.getKey()), e.getValue(), y);
          if (y < 300) {
            break;
          }
        }
        y = line(cs, font, "有效期限", l.validFrom() + " 至 " + (l.validUntil() == null ? "长期" : l.validUntil()), y);
        y = line(cs, font, "发证机关", l.issuerName(), y);
        line(cs, font, "发证日期", l.issuedOn().toString(), y);
        cs.drawImage(LosslessFactory.createFromImage(doc, qr(verificationUrl(l.identifier()))), 60, 70, 130, 130);
        text(cs, font, 9, "扫码核验", 100, 60);
        seal(cs, font, l.issuerName(), 430, 150);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("license document could not be made", e);
    }
  }

  /** The visible seal: a red ring with a star and the issuing authority's name. */
  private static void seal(PDPageContentStream cs, PDType0Font font, String issuer, float cx, float cy)
      throws IOException {
    cs.setStrokingColor(SEAL_RED);
    cs.setNonStrokingColor(SEAL_RED);
    cs.setLineWidth(3.5f);
    circle(cs, cx, cy, 70);
    cs.stroke();
    float r = 16;
    cs.moveTo(cx, cy + 10 + r);
    for (int i = 1; i <= 5; i++) {
      double a = Math.PI / 2 + i * 4 * Math.PI / 5;
      cs.lineTo(cx + (float) (r * Math.cos(a)), cy + 10 + (float) (r * Math.sin(a)));
    }
    cs.closePath();
    cs.fill();
    float size = Math.min(12, 100f / Math.max(1, issuer.length())); // stays inside the ring's chord
    float tw = font.getStringWidth(issuer) / 1000 * size;
    text(cs, font, size, issuer, cx - tw / 2, cy + 30);
    float lw = font.getStringWidth("电子印章") / 1000 * 11;
    text(cs, font, 11, "电子印章", cx - lw / 2, cy - 30);
    cs.setNonStrokingColor(Color.BLACK);
    cs.setStrokingColor(Color.BLACK);
  }

  private static void circle(PDPageContentStream cs, float cx, float cy, float r) throws IOException {
    float k = 0.552284749831f * r;
    cs.moveTo(cx + r, cy);
    cs.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    cs.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    cs.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    cs.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
  }

  private static float line(PDPageContentStream cs, PDType0Font font, String label, String value, float y)
      throws IOException {
    text(cs, font, 13, label, 70, y);
    String v = value == null ? "" : value.replaceAll("\\p{Cntrl}", " ");
    while (v.length() > 30) {
      text(cs, font, 13, v.substring(0, 30), 170, y);
      v = v.substring(30);
      y -= 20;
    }
    text(cs, font, 13, v, 170, y);
    return y - 28;
  }

  private static void centered(PDPageContentStream cs, PDType0Font font, float size, String s, float w, float y)
      throws IOException {
    float tw = font.getStringWidth(s) / 1000 * size;
    text(cs, font, size, s, (w - tw) / 2, y);
  }

  private static void text(PDPageContentStream cs, PDType0Font font, float size, String s, float x, float y)
      throws IOException {
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(s);
    cs.endText();
  }

  public static BufferedImage qr(String content) {
    try {
      var hints = Map.of(EncodeHintType.CHARACTER_SET, "UTF-8", EncodeHintType.ERROR_CORRECTION,
          ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2);
      return MatrixToImageWriter.toBufferedImage(
          new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 260, 260, hints));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code", e);
    }
  }
}
