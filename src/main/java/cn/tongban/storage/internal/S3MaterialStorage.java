package cn.tongban.storage.internal;

import cn.tongban.storage.MaterialStorage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Material files in an S3-compatible object store (MinIO, Ceph, cloud object storage…), path-style, authenticated
 * with AWS Signature Version 4. Content-addressed like the local store: the key is the SM3 of the bytes, so storing
 * the same file twice writes it once.
 */
class S3MaterialStorage implements MaterialStorage {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final URI endpoint;
  private final String region;
  private final String bucket;
  private final String accessKey;
  private final String secretKey;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  S3MaterialStorage(String endpoint, String region, String bucket, String accessKey, String secretKey) {
    this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
    this.region = region;
    this.bucket = bucket;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  @Override
  public String store(byte[] content, String sm3Hex) throws IOException {
    if (!sm3Hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not an SM3 hex digest");
    }
    String key = "materials/" + sm3Hex.substring(0, 2) + "/" + sm3Hex;
    if (send("HEAD", key, new byte[0]).statusCode() == 200) {
      return key;
    }
    HttpResponse<byte[]> put = send("PUT", key, content);
    if (put.statusCode() / 100 != 2) {
      throw new IOException("object store refused " + key + ": HTTP " + put.statusCode() + " " + body(put));
    }
    return key;
  }

  @Override
  public InputStream open(String storageKey) throws IOException {
    if (storageKey.contains("..")) {
      throw new IllegalArgumentException("bad storage key");
    }
    HttpResponse<byte[]> get = send("GET", storageKey, new byte[0]);
    if (get.statusCode() != 200) {
      throw new IOException("object " + storageKey + " not readable: HTTP " + get.statusCode() + " " + body(get));
    }
    return new ByteArrayInputStream(get.body());
  }

  /** Creates the bucket if it does not exist yet (for first start-up and tests). */
  void ensureBucket() throws IOException {
    HttpResponse<byte[]> head = send("HEAD", null, new byte[0]);
    if (head.statusCode() == 200) {
      return;
    }
    HttpResponse<byte[]> put = send("PUT", null, new byte[0]);
    if (put.statusCode() / 100 != 2) {
      throw new IOException("cannot create bucket " + bucket + ": HTTP " + put.statusCode() + " " + body(put));
    }
  }

  private static String body(HttpResponse<byte[]> r) {
    String b = new String(r.body() == null ? new byte[0] : r.body(), StandardCharsets.UTF_8);
    return b.length() > 300 ? b.substring(0, 300) : b;
  }

  private HttpResponse<byte[]> send(String method, String key, byte[] payload) throws IOException {
    String path = "/" + bucket + (key == null ? "" : "/" + encodePath(key));
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    String amzDate = now.format(STAMP);
    String payloadHash = hex(sha256(payload));
    String host = endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
    Map<String, String> headers = new TreeMap<>();
    headers.put("host", host);
    headers.put("x-amz-content-sha256", payloadHash);
    headers.put("x-amz-date", amzDate);
    String authorization = authorization(method, path, headers, payloadHash, now, region, accessKey, secretKey);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path))
        .timeout(Duration.ofSeconds(60))
        .header("x-amz-content-sha256", payloadHash)
        .header("x-amz-date", amzDate)
        .header("Authorization", authorization);
    request = switch (method) {
      case "PUT" -> request.PUT(HttpRequest.BodyPublishers.ofByteArray(payload));
      case "HEAD" -> request.method("HEAD", HttpRequest.BodyPublishers.noBody());
      default -> request.GET();
    };
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * The AWS Signature Version 4 {@code Authorization} header for a request without a query string; {@code headers}
   * are the signed headers, lower-case, including {@code host} and {@code x-amz-date}.
   */
  static String authorization(String method, String path, Map<String, String> headers, String payloadHash,
      ZonedDateTime time, String region, String accessKey, String secretKey) {
    Map<String, String> sorted = new TreeMap<>(headers);
    StringBuilder canonicalHeaders = new StringBuilder();
    sorted.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v.trim()).append('\n'));
    String signedHeaders = String.join(";", sorted.keySet());
    String canonicalRequest = method + "\n" + path + "\n\n" + canonicalHeaders + "\n" + signedHeaders + "\n" + payloadHash;
    String day = time.withZoneSameInstant(ZoneOffset.UTC).format(DAY);
    String scope = day + "/" + region + "/s3/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + time.withZoneSameInstant(ZoneOffset.UTC).format(STAMP) + "\n" + scope + "\n"
        + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    byte[] signingKey = hmac(hmac(hmac(hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), day), region), "s3"),
        "aws4_request");
    return "AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
        + ", Signature=" + hex(hmac(signingKey, toSign));
  }

  private static String encodePath(String key) {
    StringBuilder sb = new StringBuilder();
    for (String segment : key.split("/", -1)) {
      if (!sb.isEmpty()) {
        sb.append('/');
      }
      sb.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
          .replace("%7E", "~"));
    }
    return sb.toString();
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
