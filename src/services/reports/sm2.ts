/**
 * SM2 digital signatures (GB/T 32918.2-2016, the curve of GB/T 32918.5-2017) with SM3 (GB/T 32905-2016), for the
 * signed appendix of a published annual report (docs/REPORTS.md), through `sm-crypto-v2` (SM2 on @noble/curves).
 * Node's crypto has SM3 but its SM2-curve signatures are ECDSA, not SM2 (OpenSSL's `pkeyutl -verify` with the SM2
 * scheme refuses them). The signature is over e = SM3(Z_A ‖ M) with the default ID 1234567812345678 (GB/T 35276-2017);
 * the test checks it against OpenSSL's SM2 in both directions. Keys and signatures are hex: private key 64 digits,
 * public key 04‖x‖y (130 digits), signature r‖s (128 digits) — the layout sm-crypto and most Chinese government tools
 * use.
 */
import type * as SmCrypto from 'sm-crypto-v2';
import { lazyPackage } from '../lazy-package.ts';

// Loaded on the first signature or key, not when the server starts (its routes import this module).
const smCrypto = lazyPackage<typeof SmCrypto>('sm-crypto-v2');

/** The default user ID of GB/T 35276-2017 (“1234567812345678”). */
export const SM2_DEFAULT_ID = '1234567812345678';

export interface Sm2KeyPair {
  privateKey: string;
  publicKey: string;
}

/** The curve order n: a private key d lies in [1, n − 2] (GB/T 32918.1 §6.1). */
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

/** The public key 04‖x‖y of a private key. */
export function sm2PublicKeyOf(privateKey: string): string {
  const d = /^[0-9a-f]{1,64}$/i.test(privateKey) ? BigInt(`0x${privateKey}`) : 0n;
  if (d < 1n || d > N - 2n) throw new RangeError('SM2 私钥超出范围');
  return smCrypto().sm2.getPublicKeyFromPrivateKey(privateKey.padStart(64, '0').toLowerCase());
}

/** A new key pair (the library draws d from the platform's cryptographic random source). */
export function generateSm2KeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = smCrypto().sm2.generateKeyPairHex();
  return { privateKey, publicKey };
}

/** The SM2 signature r‖s (hex) of `message` (GB/T 32918.2 §6.1), with the signer's ID (default 1234567812345678). */
export function sm2Sign(message: Uint8Array, keys: Sm2KeyPair, id = SM2_DEFAULT_ID): string {
  return smCrypto().sm2.doSignature(message, keys.privateKey, { hash: true, publicKey: keys.publicKey, userId: id });
}

/** Whether `signature` (r‖s hex) is an SM2 signature of `message` by `publicKey` (GB/T 32918.2 §7.1). */
export function sm2Verify(message: Uint8Array, signature: string, publicKey: string, id = SM2_DEFAULT_ID): boolean {
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^04[0-9a-f]{128}$/i.test(publicKey)) return false;
  try {
    return smCrypto().sm2.doVerifySignature(message, signature.toLowerCase(), publicKey.toLowerCase(), { hash: true, userId: id });
  } catch {
    return false;
  }
}
