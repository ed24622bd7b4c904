// DKIM check of an imported email (issue 16 item 4), with mailauth (Postal Systems' verifier of
// RFC 6376 and RFC 8463 Ed25519 signatures, used by WildDuck and ZoneMTA). Pure apart from the
// injected resolver: the TXT records it answers are kept, so the check can be repeated offline.
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import type { DkimCheck, DkimKeyRecord, DkimSignatureResult } from '@shared/model/attachment';

/** Resolves TXT records (node:dns/promises resolveTxt, or a stub in tests). */
export type ResolveTxt = (name: string) => Promise<string[][]>;

/** DNS error codes that mean "no answer now" (offline), not "no such record". */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ETIMEOUT',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ESERVFAIL',
  'ECONNRESET',
  'ENETUNREACH',
  'EHOSTUNREACH',
]);

type VerifierResult = Awaited<ReturnType<typeof dkimVerify>>['results'][number];

function signatureOf(r: VerifierResult): DkimSignatureResult {
  let result = (r.status.result ?? 'none') as DkimSignatureResult['result'];
  let comment = String(r.status.comment ?? '');
  if (result === 'neutral' && comment === 'body hash did not verify') {
    result = 'fail';
    comment = 'the body was changed after it was signed';
  }
  if (result === 'fail' && comment === 'bad signature') {
    comment = 'the signed headers were changed, or the signature is forged';
  }
  return {
    domain: String(r.signingDomain ?? '').slice(0, 255),
    selector: String(r.selector ?? '').slice(0, 255),
    result: ['pass', 'fail', 'neutral', 'temperror', 'permerror', 'policy'].includes(result)
      ? result
      : 'none',
    alignedWithFrom: Boolean(r.status.aligned),
    comment: comment.slice(0, 1000),
  };
}

/** The overall status and a sentence for the record. */
function summarise(
  signatures: readonly DkimSignatureResult[],
  fromDomain: string,
): Pick<DkimCheck, 'status' | 'summary'> {
  if (signatures.length === 0) {
    return { status: 'none', summary: 'The email carries no DKIM signature.' };
  }
  const aligned = signatures.find((s) => s.result === 'pass' && s.alignedWithFrom);
  if (aligned) {
    return { status: 'pass', summary: `Signed by ${aligned.domain}'s mail server.` };
  }
  const unaligned = signatures.find((s) => s.result === 'pass');
  if (unaligned) {
    return {
      status: 'unaligned',
      summary: `Signed by ${unaligned.domain}, which is not the sender's domain ${fromDomain || '(none)'}.`,
    };
  }
  if (signatures.every((s) => s.result === 'temperror')) {
    return { status: 'pending', summary: 'The signing key could not be fetched (offline?).' };
  }
  const failed = signatures.find((s) => s.result === 'fail') ?? signatures[0];
  return {
    status: 'fail',
    summary: `The DKIM signature of ${failed?.domain ?? '?'} does not verify: ${failed?.comment || failed?.result}.`,
  };
}

/** Options of {@link checkDkim}. */
export interface CheckDkimOptions {
  /** Live DNS; omitted for an offline re-check from `keyRecords`. */
  resolveTxt?: ResolveTxt;
  /** The records kept from an earlier check (answered instead of DNS when given). */
  keyRecords?: readonly DkimKeyRecord[];
  /** The time the signatures are judged at (a re-check passes the first check's time). */
  at: Date;
}

/**
 * Checks every DKIM signature of a raw email. Never throws for a bad email: a malformed
 * signature is a `neutral`/`permerror` entry, DNS being unreachable is `pending`.
 */
export async function checkDkim(
  message: Uint8Array,
  options: CheckDkimOptions,
): Promise<DkimCheck> {
  const used: DkimKeyRecord[] = [];
  const stored = new Map((options.keyRecords ?? []).map((k) => [k.name.toLowerCase(), k.value]));
  const resolver = async (name: string, type: string): Promise<string[][]> => {
    if (type !== 'TXT') throw Object.assign(new Error('not asked'), { code: 'ENOTFOUND' });
    const key = name.toLowerCase();
    const kept = stored.get(key);
    if (kept !== undefined || !options.resolveTxt) {
      if (kept === undefined)
        throw Object.assign(new Error('no kept record'), { code: 'ENOTFOUND' });
      used.push({ name: key, value: kept });
      return [[kept]];
    }
    const answer = await options.resolveTxt(name);
    const first = answer[0];
    if (first) used.push({ name: key, value: first.join('').slice(0, 10_000) });
    return answer;
  };
  let verified;
  try {
    verified = await dkimVerify(Buffer.from(message), { resolver, curTime: options.at });
  } catch (error) {
    const summary = `The email could not be checked: ${error instanceof Error ? error.message : String(error)}`;
    return {
      status: 'error',
      checkedAt: options.at.toISOString(),
      signatures: [],
      keyRecords: [],
      summary: summary.slice(0, 1000),
    };
  }
  const signatures = verified.results
    .filter((r) => r.status.result !== 'none' || r.signingDomain)
    .slice(0, 50)
    .map(signatureOf);
  const fromDomain = (verified.headerFrom?.[0] ?? '').split('@').pop() ?? '';
  const { status, summary } = summarise(signatures, fromDomain);
  return {
    status,
    checkedAt: status === 'pending' ? null : options.at.toISOString(),
    signatures,
    keyRecords: used.slice(0, 50),
    summary,
  };
}

/** Whether a DNS failure means "offline": used by the handler to say "pending". */
export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && UNREACHABLE.has(code);
}
