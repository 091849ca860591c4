package cn.tongban.storage.internal;

import cn.tongban.storage.MaterialStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Material files on a local (or shared network) disk, under {@code tongban.storage.dir}. */
class LocalDiskMaterialStorage implements MaterialStorage {
  private final Path root;

  LocalDiskMaterialStorage(String dir) {
    this.root = Path.of(dir).toAbsolutePath().normalize();
  }

  @Override
  public String store(byte[] content, String sm3Hex) throws IOException {
    if (!sm3Hex.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not an SM3 hex digest");
    }
    String key = sm3Hex.substring(0, 2) + "/" + sm3Hex;
    Path target = root.resolve(key);
    if (Files.exists(target)) {
      return key;
    }
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempFile(target.getParent(), "upload", ".part");
    try {
      Files.write(tmp, content);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return key;
  }

  @Override
  public InputStream open(String storageKey) throws IOException {
    Path p = root.resolve(storageKey).normalize();
    if (!p.startsWith(root)) {
      throw new IllegalArgumentException("storage key escapes the storage root");
    }
    return Files.newInputStream(p);
  }
}
