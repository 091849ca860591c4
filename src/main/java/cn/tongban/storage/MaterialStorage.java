package cn.tongban.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where material files live. Content-addressed by SM3: the same bytes are stored once. Local disk by default;
 * an S3-compatible object store can implement the same interface.
 */
public interface MaterialStorage {
  /** Stores the bytes (idempotently) and returns the storage key. */
  String store(byte[] content, String sm3Hex) throws IOException;

  InputStream open(String storageKey) throws IOException;
}
