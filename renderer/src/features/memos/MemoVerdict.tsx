import type { VerifyResult } from '@shared/memo/verify';

/** What "Verify a file…" found: an issued memo matched, altered, unknown or not a memo. */
export function MemoVerdict({
  verdict,
  setVerdict,
}: {
  verdict: VerifyResult;
  setVerdict: (verdict: VerifyResult | null) => void;
}) {
  return (
    <div
      className={`memo-verdict memo-verdict-${verdict.outcome} card`}
      role="status"
      aria-label="Verification result"
    >
      <strong>
        {verdict.outcome === 'match'
          ? 'Matches an issued memo'
          : verdict.outcome === 'signed'
            ? 'Signed, not recorded here'
            : verdict.outcome === 'altered'
              ? 'Does not match'
              : verdict.outcome === 'unknown'
                ? 'Not an issued memo'
                : 'Not a memo'}
      </strong>
      <p>{verdict.message}</p>
      <button type="button" className="button button-ghost" onClick={() => setVerdict(null)}>
        Dismiss
      </button>
    </div>
  );
}
