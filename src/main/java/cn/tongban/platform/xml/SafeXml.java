package cn.tongban.platform.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one way the platform reads XML that came from outside (uploaded processes today; DMN, OFD and imports later):
 * a DOCTYPE is refused outright, so no entity (general, parameter or external) and no DTD is ever resolved, no
 * XInclude is followed, and the failure says where (line and column) but never what the parser said, so no file
 * content can come back through an error message.
 */
public final class SafeXml {
  private SafeXml() {}

  /** Why a document was refused, with the position when the parser knew it. */
  public static final class Refused extends Exception {
    private final boolean doctype;
    private final int line;
    private final int column;

    Refused(boolean doctype, int line, int column) {
      super(doctype ? "DOCTYPE refused" : "malformed XML");
      this.doctype = doctype;
      this.line = line;
      this.column = column;
    }

    /** The document declared a DOCTYPE (and with it, possibly, entities): always refused. */
    public boolean doctype() {
      return doctype;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }

    /** A message in Chinese for the user, naming only the position. */
    public String describe() {
      if (doctype) {
        return "文件不得包含 DOCTYPE 声明（DTD、实体），请删除后重新上传";
      }
      return line > 0 ? "第" + line + "行第" + column + "列附近不是格式正确的 XML" : "不是格式正确的 XML";
    }
  }

  /** Parses a document, namespace-aware, refusing DOCTYPEs and anything external. */
  public static Document parse(byte[] xml) throws Refused {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(new ErrorHandler() { // no printing to stderr; every problem is fatal
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      builder.setEntityResolver((publicId, systemId) -> {
        throw new SAXException("external entity refused"); // never reached with DOCTYPEs disallowed
      });
      return builder.parse(new ByteArrayInputStream(xml));
    } catch (SAXParseException e) {
      throw new Refused(declaresDoctype(xml) || mentionsDoctype(e), e.getLineNumber(), e.getColumnNumber());
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new Refused(declaresDoctype(xml), -1, -1);
    }
  }

  /** True when the raw bytes carry a DOCTYPE declaration (checked after a failure, to say why). */
  public static boolean declaresDoctype(byte[] xml) {
    String head = new String(xml, java.nio.charset.StandardCharsets.ISO_8859_1);
    return head.contains("<!DOCTYPE") || head.contains("<!ENTITY") || head.contains("<\0!\0D");
  }

  private static boolean mentionsDoctype(SAXParseException e) {
    return e.getMessage() != null && e.getMessage().contains("DOCTYPE");
  }

  static DocumentBuilderFactory factory() {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      return f;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser cannot be hardened", e);
    }
  }
}
