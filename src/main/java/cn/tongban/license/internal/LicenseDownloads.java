package cn.tongban.license.internal;

import cn.tongban.audit.AuditTrail;
import cn.tongban.platform.web.PlatformException;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The holder downloads the sealed document of their license (made now for a legacy license that has none yet). */
@Service
public class LicenseDownloads {
  private final Licenses licenses;
  private final LicenseDocuments documents;
  private final AuditTrail audit;

  LicenseDownloads(Licenses licenses, LicenseDocuments documents, AuditTrail audit) {
    this.licenses = licenses;
    this.documents = documents;
    this.audit = audit;
  }

  @Transactional
  byte[] documentOfHolder(String holderId, String identifier) {
    return documentIf(identifier, l -> l.holderId().equals(holderId));
  }

  /** The document of a license the caller may hold (theirs, or their enterprise's); anything else is not found. */
  @Transactional
  public byte[] documentIf(String identifier, Predicate<License> mayHold) {
    License l = licenses.byIdentifier(identifier == null ? "" : identifier).filter(mayHold)
        .orElseThrow(() -> PlatformException.notFound("证照"));
    boolean existed = documents.stored(l.id()).isPresent();
    byte[] content = documents.documentFor(l).content();
    if (!existed) {
      audit.record("license.document-made", "license", l.identifier(), "生成证照文件（存量证照首次下载）");
    }
    return content;
  }
}
