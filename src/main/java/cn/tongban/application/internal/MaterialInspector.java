package cn.tongban.application.internal;

import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides what an uploaded file really is from its first bytes (never from its name), and whether it may be
 * accepted: PDF, JPEG or PNG, not empty, not larger than {@code tongban.upload.max-bytes}.
 */
@Component
public class MaterialInspector {
  private final long maxBytes;

  MaterialInspector(@Value("${tongban.upload.max-bytes:10485760}") long maxBytes) {
    this.maxBytes = maxBytes;
  }

  long maxBytes() {
    return maxBytes;
  }

  /** The content type, or empty when the bytes are not one of the accepted kinds. */
  public static Optional<String> sniff(byte[] b) {
    if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
      return Optional.of("application/pdf");
    }
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0d
        && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
      return Optional.of("image/png");
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Optional.of("image/jpeg");
    }
    return Optional.empty();
  }

  /** What is wrong with the file, in Chinese, or empty when it is acceptable. */
  public Optional<String> problem(byte[] content) {
    if (content.length == 0) {
      return Optional.of("上传的文件是空的");
    }
    if (content.length > maxBytes) {
      return Optional.of("文件大小不能超过" + (maxBytes / 1024 / 1024) + "MB");
    }
    if (sniff(content).isEmpty()) {
      return Optional.of("只接受PDF、JPG或PNG格式的文件（按文件内容识别，改扩展名无效）");
    }
    return Optional.empty();
  }
}
