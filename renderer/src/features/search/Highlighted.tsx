import { highlightSegments } from '@shared/search/highlight';

/** Text with the matched words in <mark>; every piece is a text node (nothing is parsed as HTML). */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightSegments(text, terms).map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
      )}
    </>
  );
}
