import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth/lib/dkim/sign';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDkim, type ResolveTxt } from '../../../electron/main/email/dkim';

const AT = new Date('2026-12-02T10:00:00.000Z');

/** The tests' own keys: one RSA 2048, one Ed25519, published by a stub resolver. */
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ed = generateKeyPairSync('ed25519');
const rsaTxt = `v=DKIM1; k=rsa; p=${rsa.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;
// RFC 8463: the raw 32-byte key (the DER SPKI's last 32 bytes)
const edTxt = `v=DKIM1; k=ed25519; p=${ed.publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64')}`;

const dns: Record<string, string> = {
  'mail._domainkey.acme.example': rsaTxt,
  'ed._domainkey.acme.example': edTxt,
  'mail._domainkey.bulkmailer.example': rsaTxt,
};
const asked: string[] = [];
const resolveTxt: ResolveTxt = async (name) => {
  asked.push(name);
  const value = dns[name.toLowerCase()];
  if (value === undefined) throw Object.assign(new Error('no such record'), { code: 'ENOTFOUND' });
  return [[value.slice(0, 200), value.slice(200)]];
};
const offline: ResolveTxt = async () => {
  throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
};

const message = [
  'From: Priya Raman <priya@acme.example>',
  'To: dana@consult.example',
  'Subject: Re: memo NWL-M-2026-004',
  'Date: Wed, 02 Dec 2026 09:00:00 +0000',
  'Message-ID: <r1@acme.example>',
  '',
  'Received. We accept the risk on item 2.',
  '',
].join('\r\n');

async function signed(
  raw: string,
  domain = 'acme.example',
  selector = 'mail',
  key = rsa.privateKey,
  algorithm = 'rsa-sha256',
): Promise<string> {
  const { signatures } = await dkimSign(raw, {
    signatureData: [
      {
        signingDomain: domain,
        selector,
        privateKey: key.export({ type: 'pkcs8', format: 'pem' }) as string,
        algorithm,
      },
    ],
  } as Parameters<typeof dkimSign>[1]);
  return signatures + raw;
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('checkDkim', () => {
  let genuine: string;
  beforeAll(async () => {
    genuine = await signed(message);
  });

  it('passes a genuine RSA signature and keeps the key record it used', async () => {
    const check = await checkDkim(bytes(genuine), { resolveTxt, at: AT });
    expect(check.status).toBe('pass');
    expect(check.summary).toBe("Signed by acme.example's mail server.");
    expect(check.checkedAt).toBe(AT.toISOString());
    expect(check.signatures).toEqual([
      {
        domain: 'acme.example',
        selector: 'mail',
        result: 'pass',
        alignedWithFrom: true,
        comment: '',
      },
    ]);
    expect(check.keyRecords).toEqual([{ name: 'mail._domainkey.acme.example', value: rsaTxt }]);
  });

  it('passes a genuine Ed25519 signature (RFC 8463)', async () => {
    const raw = await signed(message, 'acme.example', 'ed', ed.privateKey, 'ed25519-sha256');
    const check = await checkDkim(bytes(raw), { resolveTxt, at: AT });
    expect(check.status).toBe('pass');
    expect(check.signatures[0]?.result).toBe('pass');
  });

  it('fails when one byte of the body changed', async () => {
    const tampered = genuine.replace('item 2', 'item 3');
    const check = await checkDkim(bytes(tampered), { resolveTxt, at: AT });
    expect(check.status).toBe('fail');
    expect(check.summary).toMatch(/body was changed after it was signed/);
  });

  it('fails when a signed header changed (a forged signature)', async () => {
    const tampered = genuine.replace('Subject: Re: memo', 'Subject: Re: Memo');
    const check = await checkDkim(bytes(tampered), { resolveTxt, at: AT });
    expect(check.status).toBe('fail');
    expect(check.signatures[0]?.comment).toMatch(/changed, or the signature is forged/);
  });

  it('fails a signature made with another key than the published one', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forged = await signed(message, 'acme.example', 'mail', other.privateKey);
    expect((await checkDkim(bytes(forged), { resolveTxt, at: AT })).status).toBe('fail');
  });

  it('marks a valid signature of a domain that is not the From domain', async () => {
    const raw = await signed(message, 'bulkmailer.example');
    const check = await checkDkim(bytes(raw), { resolveTxt, at: AT });
    expect(check.status).toBe('unaligned');
    expect(check.summary).toBe(
      "Signed by bulkmailer.example, which is not the sender's domain acme.example.",
    );
    expect(check.signatures[0]?.alignedWithFrom).toBe(false);
  });

  it('says none for an unsigned email', async () => {
    const check = await checkDkim(bytes(message), { resolveTxt, at: AT });
    expect(check).toMatchObject({ status: 'none', signatures: [], keyRecords: [] });
  });

  it('is pending, not failed, when DNS cannot be reached', async () => {
    const check = await checkDkim(bytes(genuine), { resolveTxt: offline, at: AT });
    expect(check.status).toBe('pending');
    expect(check.checkedAt).toBeNull();
  });

  it('repeats the check offline from the kept key record, without DNS', async () => {
    const first = await checkDkim(bytes(genuine), { resolveTxt, at: AT });
    asked.length = 0;
    const again = await checkDkim(bytes(genuine), { keyRecords: first.keyRecords, at: AT });
    expect(asked).toEqual([]);
    expect(again.status).toBe('pass');
    const tampered = await checkDkim(bytes(genuine.replace('item 2', 'item 3')), {
      keyRecords: first.keyRecords,
      at: AT,
    });
    expect(tampered.status).toBe('fail');
  });
});
