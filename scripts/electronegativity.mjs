#!/usr/bin/env node
// Runs Doyensec's Electronegativity over the app's Electron code and fails on any finding that is
// not justified in electronegativity.justified.json: one entry per check and file, with a reason,
// and optionally the exact "sample" (code line or policy) it covers, so a change re-opens review.
//
// What is scanned, from a temporary copy:
//   electron/**             main process and preload sources
//   package.json            Electron version and launch arguments
//   renderer/index.html     if present (a weaker <meta> policy there would show up)
//   served-content-security-policy.html
//                           a page carrying CONTENT_SECURITY_POLICY from electron/main/security/csp.ts,
//                           i.e. the policy the app:// protocol actually sends as a header, which the
//                           scanner cannot see in code, so its CSP check evaluates the real policy.
//
// Usage: node scripts/electronegativity.mjs [--sarif <file>]
// Exit codes: 0 all findings justified, 1 unjustified findings or files that could not be scanned,
// 2 the scan itself could not run (bad allow-list, scanner error).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const allowListPath = join(root, 'electronegativity.justified.json');

function fail(message) {
  console.error(`electronegativity: ${message}`);
  process.exit(2);
}

function argument(name) {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

/** Reads and checks the allow-list: [{ check, file, reason, sample? }]. */
async function loadJustifications() {
  let data;
  try {
    data = JSON.parse(await readFile(allowListPath, 'utf8'));
  } catch (error) {
    fail(`cannot read ${allowListPath}: ${error.message}`);
  }
  const entries = data?.justified;
  if (!Array.isArray(entries)) fail('electronegativity.justified.json needs a "justified" array');
  for (const [i, entry] of entries.entries()) {
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry?.[key] !== 'string' || entry[key].trim() === '') {
        fail(`justified[${i}] needs a non-empty "${key}"`);
      }
    }
    if (entry.reason.trim().length < 30)
      fail(`justified[${i}] (${entry.check}) needs a real reason`);
    if (entry.sample !== undefined && typeof entry.sample !== 'string') {
      fail(`justified[${i}] (${entry.check}): "sample" must be a string`);
    }
  }
  return entries;
}

/** The policy the protocol handler serves, taken from csp.ts itself (it has no imports). */
async function servedPolicy() {
  const ts = require('typescript');
  const source = await readFile(join(root, 'electron/main/security/csp.ts'), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const mod = await import(
    `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`
  );
  if (typeof mod.CONTENT_SECURITY_POLICY !== 'string')
    fail('csp.ts exports no CONTENT_SECURITY_POLICY');
  return mod.CONTENT_SECURITY_POLICY;
}

async function stage() {
  const dir = await mkdtemp(join(tmpdir(), 'electronegativity-'));
  await cp(join(root, 'electron'), join(dir, 'electron'), { recursive: true });
  await cp(join(root, 'package.json'), join(dir, 'package.json'));
  if (existsSync(join(root, 'renderer/index.html'))) {
    await cp(join(root, 'renderer/index.html'), join(dir, 'renderer/index.html'));
  }
  const policy = (await servedPolicy()).replaceAll('"', '&quot;');
  await writeFile(
    join(dir, 'served-content-security-policy.html'),
    `<!doctype html>\n<html><head><meta http-equiv="Content-Security-Policy" content="${policy}"></head></html>\n`,
  );
  return dir;
}

const justifications = await loadJustifications();
const sarif = argument('--sarif');
const electronVersion = JSON.parse(
  await readFile(require.resolve('electron/package.json'), 'utf8'),
).version;

// Deterministic English messages, whatever the shell's locale.
process.env.LANG = 'en-US';
const { default: run } = await import('@doyensec/electronegativity');

const staged = await stage();
let result;
try {
  result = await run({
    input: staged,
    isRelative: true,
    electronVersionOverride: electronVersion,
    ...(sarif ? { output: resolve(sarif), isSarif: true } : {}),
  });
} catch (error) {
  fail(`scan failed: ${error.stack ?? error}`);
} finally {
  await rm(staged, { recursive: true, force: true });
}

const used = new Set();
const unjustified = [];
console.log(
  `\nElectronegativity on Electron ${electronVersion}: ${result.globalChecks} global and ${result.atomicChecks} atomic checks, ${result.issues.length} finding(s)\n`,
);
for (const issue of result.issues) {
  const file = issue.file.split('\\').join('/');
  const index = justifications.findIndex(
    (j) =>
      j.check === issue.id &&
      j.file === file &&
      (j.sample === undefined || j.sample === String(issue.sample ?? '').trim()),
  );
  const where = `${file}:${issue.location?.line ?? 0}`;
  const level = `${issue.severity?.name ?? '?'}/${issue.confidence?.name ?? '?'}`;
  console.log(`${index === -1 ? 'UNJUSTIFIED' : 'justified  '}  ${issue.id}  ${level}  ${where}`);
  console.log(`    ${issue.description}${issue.shortenedURL ? ` (${issue.shortenedURL})` : ''}`);
  if (issue.sample) console.log(`    > ${String(issue.sample).slice(0, 200)}`);
  if (index === -1) unjustified.push(issue);
  else {
    used.add(index);
    console.log(`    reason: ${justifications[index].reason}`);
  }
}

for (const [i, entry] of justifications.entries()) {
  if (!used.has(i))
    console.warn(
      `\nwarning: stale justification (no such finding): ${entry.check} in ${entry.file}`,
    );
}

const unscanned = result.errors.filter((e) => !e.tolerable);
for (const error of result.errors) {
  const text = `${error.tolerable ? 'warning' : 'ERROR'}: could not fully parse ${error.file}: ${error.message}`;
  if (error.tolerable) console.warn(text);
  else console.error(text);
}

if (unjustified.length > 0 || unscanned.length > 0) {
  console.error(
    `\n${unjustified.length} unjustified finding(s), ${unscanned.length} file(s) not scanned. Fix them, or add a reasoned entry to electronegativity.justified.json.`,
  );
  process.exit(1);
}
console.log(`\nAll ${result.issues.length} finding(s) are justified.`);
