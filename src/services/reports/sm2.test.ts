import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSm2KeyPair, sm2PublicKeyOf, sm2Sign, sm2Verify } from './sm2.ts';

const hasOpenSsl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** DER SEQUENCE { INTEGER r, INTEGER s } ⇄ r‖s hex. */
function derInteger(hex: string): Buffer {
  let bytes = Buffer.from(hex, 'hex');
  while (bytes.length > 1 && bytes[0] === 0 && (bytes[1]! & 0x80) === 0) bytes = bytes.subarray(1);
  if (bytes[0]! & 0x80) bytes = Buffer.concat([Buffer.from([0]), bytes]);
  return Buffer.concat([Buffer.from([0x02, bytes.length]), bytes]);
}
const toDer = (sig: string) => {
  const body = Buffer.concat([derInteger(sig.slice(0, 64)), derInteger(sig.slice(64))]);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]);
};
function fromDer(der: Buffer): string {
  let i = 2;
  const parts: string[] = [];
  for (let k = 0; k < 2; k++) {
    const len = der[i + 1]!;
    parts.push(der.subarray(i + 2, i + 2 + len).toString('hex').replace(/^0+/, '').padStart(64, '0'));
    i += 2 + len;
  }
  return parts.join('');
}

const dir = mkdtempSync(path.join(tmpdir(), 'fazhi-sm2-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const message = Buffer.from('附件：审计校验 {"checkpoint":"abc","year":2025}', 'utf8');

describe('SM2 signatures (GB/T 32918.2)', () => {
  it('signs and verifies; another message, another key or a changed signature does not verify', () => {
    const keys = generateSm2KeyPair();
    expect(keys.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(sm2PublicKeyOf(keys.privateKey)).toBe(keys.publicKey);
    const sig = sm2Sign(message, keys);
    expect(sig).toMatch(/^[0-9a-f]{128}$/);
    expect(sm2Verify(message, sig, keys.publicKey)).toBe(true);
    expect(sm2Verify(Buffer.from('附件：审计校验 {"checkpoint":"abd","year":2025}'), sig, keys.publicKey)).toBe(false);
    expect(sm2Verify(message, sig, generateSm2KeyPair().publicKey)).toBe(false);
    const flipped = sig.slice(0, 127) + (sig.endsWith('0') ? '1' : '0');
    expect(sm2Verify(message, flipped, keys.publicKey)).toBe(false);
    expect(sm2Verify(message, 'zz', keys.publicKey)).toBe(false);
    expect(sm2Verify(message, sig, '04abc')).toBe(false);
  });

  it.runIf(hasOpenSsl)('is the SM2 scheme of OpenSSL (default ID 1234567812345678): each verifies the other’s signature', () => {
    const keyFile = path.join(dir, 'k.pem');
    execFileSync('openssl', ['genpkey', '-algorithm', 'SM2', '-out', keyFile]);
    const text = execFileSync('openssl', ['pkey', '-in', keyFile, '-text', '-noout']).toString();
    const hexAfter = (label: string, next: string) => text.slice(text.indexOf(label) + label.length, text.indexOf(next)).replace(/[^0-9a-f]/g, '');
    const privateKey = hexAfter('priv:', 'pub:').replace(/^00/, '').padStart(64, '0');
    const publicKey = hexAfter('pub:', 'ASN1');
    expect(sm2PublicKeyOf(privateKey)).toBe(publicKey);
    const msgFile = path.join(dir, 'm.bin');
    writeFileSync(msgFile, message);
    execFileSync('openssl', ['pkey', '-in', keyFile, '-pubout', '-out', path.join(dir, 'p.pem')]);

    // OpenSSL signs, we verify.
    const osslSig = path.join(dir, 'ossl.sig');
    execFileSync('openssl', ['pkeyutl', '-sign', '-in', msgFile, '-inkey', keyFile, '-rawin', '-digest', 'sm3', '-out', osslSig, '-pkeyopt', 'distid:1234567812345678']);
    expect(sm2Verify(message, fromDer(readFileSync(osslSig)), publicKey)).toBe(true);

    // We sign, OpenSSL verifies (it exits non-zero on a bad signature).
    const ours = path.join(dir, 'ours.sig');
    writeFileSync(ours, toDer(sm2Sign(message, { privateKey, publicKey })));
    const out = execFileSync('openssl', ['pkeyutl', '-verify', '-in', msgFile, '-pubin', '-inkey', path.join(dir, 'p.pem'), '-rawin', '-digest', 'sm3', '-sigfile', ours, '-pkeyopt', 'distid:1234567812345678']).toString();
    expect(out).toContain('Signature Verified Successfully');
  });
});
