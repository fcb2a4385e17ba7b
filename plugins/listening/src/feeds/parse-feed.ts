import '../sandbox/global-shims.js';
import { NodeError } from '@sbss/sdk';
import { XMLValidator } from 'fast-xml-parser';
import { parseFeed as parseAnyFeed } from 'feedsmith';
import { type FeedEntry, feedEntries } from './entries.js';

/**
 * Parses an RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed document. XML is validated first so a
 * broken feed is reported with its line and column, not as an empty result.
 */
export function parseFeed(body: unknown, url: string): FeedEntry[] {
  const text = typeof body === 'string' ? body.replace(/^\uFEFF/, '') : JSON.stringify(body);
  if (text.trimStart().startsWith('<')) {
    const verdict = XMLValidator.validate(text);
    if (verdict !== true) {
      const { msg, line, col } = verdict.err;
      throw new NodeError(
        'FEED_INVALID',
        `${url} is not well-formed XML: ${msg} (line ${line}, column ${col})`,
        {
          url,
          line,
          column: col,
        },
      );
    }
  }
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseAnyFeed(text) as { format: string; feed: unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new NodeError('FEED_INVALID', `${url} is not an RSS, Atom or JSON feed (${reason})`, {
      url,
      start: text.slice(0, 120),
    });
  }
  return feedEntries(parsed.format, parsed.feed);
}
