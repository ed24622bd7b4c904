import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_FOR_META,
  contentSecurityPolicy,
} from '../../../electron/main/security/csp';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources.join(' ')] as const;
    }),
  );
}

describe('Content Security Policy', () => {
  it('is the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
    expect(contentSecurityPolicy).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows no inline code, no eval and nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|\*|https?:|wss?:/);
    const d = directives(CONTENT_SECURITY_POLICY);
    expect(d.get('default-src')).toBe("'none'");
    expect(d.get('script-src')).toBe("'self'");
    expect(d.get('object-src')).toBe("'none'");
    expect(d.get('base-uri')).toBe("'none'");
  });

  it('drops only header-only directives for the meta tag', () => {
    const header = directives(CONTENT_SECURITY_POLICY);
    const meta = directives(CONTENT_SECURITY_POLICY_FOR_META);
    expect(meta.has('frame-ancestors')).toBe(false);
    header.delete('frame-ancestors');
    expect(meta).toEqual(header);
  });

  it('matches the meta tag in renderer/index.html when there is one', async () => {
    const html = await readFile(
      join(import.meta.dirname, '../../../renderer/index.html'),
      'utf8',
    ).catch(() => '');
    const match = /http-equiv=["']Content-Security-Policy["'][^>]*content=["']([^"']*)["']/i.exec(
      html,
    );
    if (match) expect(match[1]).toBe(CONTENT_SECURITY_POLICY_FOR_META);
    else expect(html).not.toMatch(/Content-Security-Policy/i);
  });
});
