/**
 * The reply's own words: the text above the quoted history. Line by line, no regular expression
 * over the text. The history starts at the first of:
 * - a line "On <date>, <name> wrote:" (Gmail, Apple Mail, Thunderbird), possibly wrapped over
 *   two lines;
 * - "-----Original Message-----" (Outlook) or "---------- Forwarded message ---------";
 * - an Outlook header block: "From:" on a line and "Sent:" or "Date:" within the next 3 lines;
 * - a run of lines quoted with ">".
 * A signature ("-- " alone on a line) is cut too.
 */
function isHistoryStart(lines: readonly string[], i: number): boolean {
  const line = (lines[i] ?? '').trim();
  const lower = line.toLowerCase();
  if (lower.startsWith('-----original message-----')) return true;
  if (lower.startsWith('---------- forwarded message')) return true;
  if (line.startsWith('>')) return true;
  if (lower.startsWith('on ') && lower.endsWith('wrote:')) return true;
  if (lower.startsWith('on ') && (lines[i + 1] ?? '').trim().toLowerCase().endsWith('wrote:')) {
    return true;
  }
  if (lower.startsWith('from:')) {
    for (let j = i + 1; j <= i + 3 && j < lines.length; j += 1) {
      const next = (lines[j] ?? '').trim().toLowerCase();
      if (next.startsWith('sent:') || next.startsWith('date:')) return true;
    }
  }
  return false;
}

export function replyText(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line === '-- ' || line === '--') break;
    if (isHistoryStart(lines, i)) break;
    kept.push(line.trimEnd());
  }
  return kept.join('\n').trim();
}
