package cn.tongban.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.platform.crypto.Sm3;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The S3-compatible material store against a real S3-compatible server that checks AWS Signature V4 (s3rver, from
 * the npm registry; `./tongban test` installs it into .tools/ when missing).
 */
class S3MaterialStorageTest {
  static final Path S3RVER = Path.of(".tools/s3rver/node_modules/.bin/s3rver");
  static Process server;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    assertThat(S3RVER).as("s3rver (npm install --prefix .tools/s3rver s3rver@3.7.1, done by ./tongban test)")
        .exists();
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = Files.createTempDirectory("s3rver");
    server = new ProcessBuilder(S3RVER.toString(), "-d", data.toString(), "-a", "127.0.0.1", "-p",
        String.valueOf(port), "--silent").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    for (int i = 0; i < 100; i++) {
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("s3rver did not start");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.destroy();
    }
  }

  S3MaterialStorage storage(String secret) {
    return new S3MaterialStorage("http://127.0.0.1:" + port, "cn-east-1", "tongban-materials", "S3RVER", secret);
  }

  @Test
  void storesContentAddressedObjectsAndReadsThemBack() throws Exception {
    S3MaterialStorage s3 = storage("S3RVER");
    s3.ensureBucket();
    s3.ensureBucket(); // idempotent
    byte[] pdf = ("%PDF-1.4 租赁协议 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
    String key = s3.store(pdf, Sm3.hex(pdf));
    assertThat(key).isEqualTo("materials/" + Sm3.hex(pdf).substring(0, 2) + "/" + Sm3.hex(pdf));
    assertThat(s3.store(pdf, Sm3.hex(pdf))).isEqualTo(key); // the same bytes are stored once
    try (InputStream in = s3.open(key)) {
      assertThat(in.readAllBytes()).isEqualTo(pdf);
    }
    assertThatThrownBy(() -> s3.open("materials/00/" + "0".repeat(64))).isInstanceOf(IOException.class)
        .hasMessageContaining("404");
  }

  /** s3rver does not check V4 signatures, so the signing is checked against AWS's published example. */
  @Test
  void signsExactlyLikeAwsPublishedExample() {
    String emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    String header = S3MaterialStorage.authorization("GET", "/test.txt", Map.of(
            "host", "examplebucket.s3.amazonaws.com", "range", "bytes=0-9", "x-amz-content-sha256", emptyHash,
            "x-amz-date", "20130524T000000Z"), emptyHash,
        ZonedDateTime.of(2013, 5, 24, 0, 0, 0, 0, ZoneOffset.UTC), "us-east-1",
        "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    assertThat(header).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
        + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
        + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  }
}
