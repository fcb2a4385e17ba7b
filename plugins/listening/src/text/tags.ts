import { isHan, isWordChar } from './scripts.js';
import { tokenize } from './tokens.js';

export type TagMark = '#' | '@';

/** A hashtag or @handle of a folded text: its value and the tokens [start, end) it covers. */
export interface Tag {
  mark: TagMark;
  value: string;
  start: number;
  end: number;
}

/** Longest Weibo-style `#topic#` looked for; a lone `#` further on starts nothing. */
const longestTopic = 64;
/** Xiaohongshu writes its topics as `#华为[话题]#`. */
const topicSuffix = '[话题]';

/**
 * Hashtags and @handles, as social platforms mark them: a Twitter-style `#tag` or `@handle` runs
 * over letters, digits, `_` and Chinese characters (`@handle` also over `-`, as Weibo names do);
 * a Weibo or Xiaohongshu topic is closed by a second `#` on the same line, may hold spaces and
 * must hold a Chinese character (`#华为 Mate 60#`). A mark right after a letter or digit
 * (`C#`, `a@b.com`) starts nothing. Values have their spaces removed; `text` must be folded.
 */
export function findTags(text: string): Tag[] {
  const tags: Tag[] = [];
  // Tokens before `counted`: each stretch of text is tokenized once, not once per tag after it.
  let counted = 0;
  let tokens = 0;
  let at = 0;
  while (at < text.length) {
    const mark = text[at];
    if ((mark !== '#' && mark !== '@') || isTagChar(charBefore(text, at))) {
      at += 1;
      continue;
    }
    const close = mark === '#' ? topicEnd(text, at) : -1;
    const end = close >= 0 ? close : runEnd(text, at + 1, mark);
    const content = text.slice(at + 1, end);
    const value = (content.endsWith(topicSuffix) ? content.slice(0, -topicSuffix.length) : content).replace(
      /\s+/g,
      '',
    );
    if (value) {
      // A tag starts and ends where no word runs across, so stretches tokenize as the whole does.
      const start = tokens + tokenize(text.slice(counted, at)).length;
      tokens = start + tokenize(content).length;
      counted = end;
      tags.push({ mark, value, start, end: tokens });
    }
    at = close >= 0 ? close + 1 : Math.max(end, at + 1);
  }
  return tags;
}

/** Where a `#topic#` opened at `open` closes, or -1 when the `#` opens a Twitter-style tag. */
function topicEnd(text: string, open: number): number {
  const close = text.indexOf('#', open + 1);
  if (close < 0 || close - open > longestTopic) return -1;
  const content = text.slice(open + 1, close);
  if (/[\n\r]/.test(content) || /\s$/.test(content)) return -1;
  return [...content].some((char) => isHan(char.codePointAt(0) ?? 0)) ? close : -1;
}

function runEnd(text: string, from: number, mark: TagMark): number {
  let end = from;
  for (const char of text.slice(from)) {
    if (!isTagChar(char) && !(mark === '@' && char === '-')) break;
    end += char.length;
  }
  return end;
}

function charBefore(text: string, at: number): string {
  const code = text.charCodeAt(at - 1);
  return code >= 0xdc00 && code <= 0xdfff ? text.slice(at - 2, at) : text.slice(at - 1, at);
}

export function isTagChar(char: string): boolean {
  return isWordChar(char) || isHan(char.codePointAt(0) ?? 0);
}
