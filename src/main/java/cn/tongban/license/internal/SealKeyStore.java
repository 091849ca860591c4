package cn.tongban.license.internal;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Where SM2 keys live and where they sign. Every key belongs to an owner: {@code platform}, an issuing authority's
 * seal ({@code issuer:<credit code>}), an applicant ({@code person:<ID number>}) or a staff member
 * ({@code staff:<account>}). The software implementation keeps private keys sealed in the database; a hardware
 * security module implements the same four operations without ever handing a private key out.
 */
public interface SealKeyStore {

  /** The id of the owner's active key, created on first use. */
  String activeKeyId(String owner);

  /** An SM3withSM2 signature (DER) of {@code message} with the given key, which must be the owner's active key. */
  byte[] sign(String keyId, byte[] message);

  /** The public key of any key ever used, active or retired. */
  Optional<PublicKey> publicKey(String keyId);

  /** Retires the owner's active key and makes a new one; what the old key signed stays verifiable. */
  String rotate(String owner);
}
