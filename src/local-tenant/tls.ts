/**
 * The local tenant's TLS certificate: MSAL accepts only an https authority, and SharePoint and
 * Graph are https services, so the identity provider, the two services and the app are served
 * over https on localhost. A self-signed certificate for localhost, made once (by the
 * `selfsigned` package) and kept in the data folder, so a browser that was told to trust it
 * keeps doing so across starts. Never used for anything but loopback.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface TlsFiles {
  readonly key: string;
  readonly cert: string;
  /** Where the certificate lies (to tell a person how to trust it). */
  readonly certFile: string;
}

/** How long a made certificate is valid: browsers refuse server certificates of over 398 days. */
const VALID_DAYS = 397;

function stillValid(cert: string, now: Date): boolean {
  try {
    const parsed = new X509Certificate(cert);
    const margin = 24 * 60 * 60 * 1000;
    return (
      new Date(parsed.validTo).getTime() - margin > now.getTime() &&
      new Date(parsed.validFrom).getTime() <= now.getTime() &&
      parsed.checkHost('localhost') !== undefined
    );
  } catch {
    return false;
  }
}

/** The certificate in `dir` (made there when missing, expired or unreadable). */
export async function localCertificate(dir: string, now = new Date()): Promise<TlsFiles> {
  const keyFile = join(dir, 'localhost-key.pem');
  const certFile = join(dir, 'localhost-cert.pem');
  if (existsSync(keyFile) && existsSync(certFile)) {
    const key = readFileSync(keyFile, 'utf8');
    const cert = readFileSync(certFile, 'utf8');
    if (stillValid(cert, now)) return { key, cert, certFile };
  }
  const made = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + VALID_DAYS * 24 * 60 * 60 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(keyFile, made.private, { mode: 0o600 });
  writeFileSync(certFile, made.cert);
  return { key: made.private, cert: made.cert, certFile };
}
