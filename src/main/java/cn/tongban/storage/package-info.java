/**
 * Storage: where files live (applicants' materials today; documents of other modules as they need it), content-addressed
 * by SM3 through the port {@link cn.tongban.storage.MaterialStorage}. The adapters in {@code internal} write to the
 * local disk ({@code tongban.storage.type=local}, the default) or to an S3-compatible object store ({@code s3},
 * Signature V4).
 */
@ApplicationModule(displayName = "Storage 材料存储")
@NullMarked
package cn.tongban.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
