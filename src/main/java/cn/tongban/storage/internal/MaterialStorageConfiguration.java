package cn.tongban.storage.internal;

import cn.tongban.storage.MaterialStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where materials are stored: {@code tongban.storage.type=local} (default, {@code tongban.storage.dir}) or {@code s3}
 * (an S3-compatible object store: {@code tongban.storage.s3.endpoint/region/bucket/access-key/secret-key}).
 */
@Configuration(proxyBeanMethods = false)
class MaterialStorageConfiguration {

  @Bean
  MaterialStorage materialStorage(@Value("${tongban.storage.type:local}") String type,
      @Value("${tongban.storage.dir:data/materials}") String dir,
      @Value("${tongban.storage.s3.endpoint:}") String endpoint,
      @Value("${tongban.storage.s3.region:cn-east-1}") String region,
      @Value("${tongban.storage.s3.bucket:tongban-materials}") String bucket,
      @Value("${tongban.storage.s3.access-key:}") String accessKey,
      @Value("${tongban.storage.s3.secret-key:}") String secretKey) {
    return switch (type) {
      case "local" -> new LocalDiskMaterialStorage(dir);
      case "s3" -> {
        if (endpoint.isBlank() || accessKey.isBlank() || secretKey.isBlank()) {
          throw new IllegalStateException("tongban.storage.type=s3 needs tongban.storage.s3.endpoint, access-key and secret-key");
        }
        S3MaterialStorage s3 = new S3MaterialStorage(endpoint, region, bucket, accessKey, secretKey);
        try {
          s3.ensureBucket();
        } catch (IOException e) {
          throw new UncheckedIOException("object store not reachable at " + endpoint, e);
        }
        yield s3;
      }
      default -> throw new IllegalStateException("tongban.storage.type must be local or s3, not " + type);
    };
  }
}
