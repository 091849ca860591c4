package cn.tongban.license;

import cn.tongban.audit.AuditTrail;
import cn.tongban.platform.web.PlatformException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The holder downloads the sealed document of their license (made now for a legacy license that has none yet). */
@Service
class LicenseDownloads {
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
    License l = licenses.byIdentifier(identifier == null ? "" : identifier).filter(x -> x.holderId().equals(holderId))
        .orElseThrow(() -> PlatformException.notFound("证照"));
    boolean existed = documents.stored(l.id()).isPresent();
    byte[] content = documents.documentFor(l).content();
    if (!existed) {
      audit.record("license.document-made", "license", l.identifier(), "生成证照文件（存量证照首次下载）");
    }
    return content;
  }
}
