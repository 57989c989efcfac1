/**
 * SM2 digital signatures (GB/T 32918.2-2016, the curve of GB/T 32918.5-2017) with SM3 (GB/T 32905-2016), for the
 * signed appendix of a published annual report (docs/REPORTS.md). Node's crypto has SM3 but its SM2-curve signatures
 * are ECDSA, not SM2 (measured: OpenSSL's `pkeyutl -verify` with the SM2 scheme refuses them), so the signature scheme
 * is written here over BigInt: e = SM3(Z_A ‖ M) with Z_A = SM3(ENTL ‖ ID ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A) and the
 * default ID 1234567812345678; r = (e + x₁) mod n, s = (1 + d)⁻¹(k − r·d) mod n. The test checks it against OpenSSL's
 * SM2 in both directions. Keys and signatures are hex: private key 64 digits, public key 04‖x‖y (130 digits),
 * signature r‖s (128 digits) — the layout sm-crypto and most Chinese government tools use.
 */
import { createHash, randomBytes } from 'node:crypto';

const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const GX = 0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n;
const GY = 0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n;
/** The default user ID of GB/T 35276-2017 (“1234567812345678”). */
export const SM2_DEFAULT_ID = '1234567812345678';

type Point = { x: bigint; y: bigint } | null;
const G: Point = { x: GX, y: GY };

const mod = (a: bigint, m: bigint) => ((a % m) + m) % m;
function inverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(a, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  return mod(oldS, m);
}

function add(p: Point, q: Point): Point {
  if (!p) return q;
  if (!q) return p;
  if (p.x === q.x) {
    if (mod(p.y + q.y, P) === 0n) return null;
    const l = mod((3n * p.x * p.x + A) * inverse(2n * p.y, P), P);
    const x = mod(l * l - 2n * p.x, P);
    return { x, y: mod(l * (p.x - x) - p.y, P) };
  }
  const l = mod((q.y - p.y) * inverse(q.x - p.x, P), P);
  const x = mod(l * l - p.x - q.x, P);
  return { x, y: mod(l * (p.x - x) - p.y, P) };
}

function multiply(k: bigint, p: Point): Point {
  let result: Point = null;
  let addend = p;
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) result = add(result, addend);
    addend = add(addend, addend);
  }
  return result;
}

const onCurve = (p: { x: bigint; y: bigint }) => mod(p.y * p.y - (p.x * p.x * p.x + A * p.x + B), P) === 0n;
const hex64 = (n: bigint) => n.toString(16).padStart(64, '0');
const big = (hex: string) => BigInt(`0x${hex}`);
const sm3 = (...parts: Buffer[]) => createHash('sm3').update(Buffer.concat(parts)).digest();

function parsePublicKey(publicKey: string): { x: bigint; y: bigint } {
  if (!/^04[0-9a-f]{128}$/i.test(publicKey)) throw new RangeError('SM2 公钥格式无效（应为 04 开头的 130 位十六进制）');
  const point = { x: big(publicKey.slice(2, 66)), y: big(publicKey.slice(66)) };
  if (point.x >= P || point.y >= P || !onCurve(point)) throw new RangeError('SM2 公钥不在曲线上');
  return point;
}

/** Z_A of GB/T 32918.2 §5.5: the signer's identity and public key, hashed into every signature. */
function za(point: { x: bigint; y: bigint }, id: string): Buffer {
  const idBytes = Buffer.from(id, 'utf8');
  const entl = Buffer.alloc(2);
  entl.writeUInt16BE(idBytes.length * 8);
  return sm3(entl, idBytes, ...[A, B, GX, GY, point.x, point.y].map((v) => Buffer.from(hex64(v), 'hex')));
}

const digestOf = (message: Uint8Array, point: { x: bigint; y: bigint }, id: string) => big(sm3(za(point, id), Buffer.from(message)).toString('hex'));

export interface Sm2KeyPair {
  privateKey: string;
  publicKey: string;
}

/** The public key 04‖x‖y of a private key. */
export function sm2PublicKeyOf(privateKey: string): string {
  const d = big(privateKey);
  if (d < 1n || d > N - 2n) throw new RangeError('SM2 私钥超出范围');
  const q = multiply(d, G)!;
  return `04${hex64(q.x)}${hex64(q.y)}`;
}

/** A new key pair: d uniformly random in [1, n − 2]. */
export function generateSm2KeyPair(): Sm2KeyPair {
  for (;;) {
    const d = big(randomBytes(32).toString('hex'));
    if (d >= 1n && d <= N - 2n) return { privateKey: hex64(d), publicKey: sm2PublicKeyOf(hex64(d)) };
  }
}

/** The SM2 signature r‖s (hex) of `message` (GB/T 32918.2 §6.1), with the signer's ID (default 1234567812345678). */
export function sm2Sign(message: Uint8Array, keys: Sm2KeyPair, id = SM2_DEFAULT_ID): string {
  const d = big(keys.privateKey);
  const e = digestOf(message, parsePublicKey(keys.publicKey), id);
  for (;;) {
    const k = mod(big(randomBytes(32).toString('hex')), N - 1n) + 1n;
    const x1 = multiply(k, G)!.x;
    const r = mod(e + x1, N);
    if (r === 0n || r + k === N) continue;
    const s = mod(inverse(1n + d, N) * (k - r * d), N);
    if (s === 0n) continue;
    return hex64(r) + hex64(s);
  }
}

/** Whether `signature` (r‖s hex) is an SM2 signature of `message` by `publicKey` (GB/T 32918.2 §7.1). */
export function sm2Verify(message: Uint8Array, signature: string, publicKey: string, id = SM2_DEFAULT_ID): boolean {
  if (!/^[0-9a-f]{128}$/i.test(signature)) return false;
  let point: { x: bigint; y: bigint };
  try {
    point = parsePublicKey(publicKey);
  } catch {
    return false;
  }
  const r = big(signature.slice(0, 64));
  const s = big(signature.slice(64));
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const t = mod(r + s, N);
  if (t === 0n) return false;
  const sum = add(multiply(s, G), multiply(t, point));
  if (!sum) return false;
  return mod(digestOf(message, point, id) + sum.x, N) === r;
}
