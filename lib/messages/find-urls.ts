/**
 * Finds the http(s) URLs in a message the way a reader sees them, so that each can be replaced
 * by a short link and everything else stays byte for byte. Client-safe (no server imports).
 *
 * - Only `http://` and `https://` (any case) start a URL: `www.x.com`, `mailto:` and other
 *   schemes are left alone. A scheme glued to a Latin word (`xhttps://…`) is not a URL either.
 * - A URL runs until whitespace, a control or zero-width character, `<`, `>`, `"`, a backtick,
 *   or CJK punctuation (`。`, `，`, `「` …, which CJK text writes without a following space).
 * - Trailing punctuation is the sentence's, not the URL's (GitHub's autolink rules, plus `;`
 *   and quotes): `. , ! ? : ; ' * _ ~ ’ ” » … ›` are dropped from the end, repeatedly, and a
 *   closing `)`, `]` or `}` is dropped while the URL has more closers than openers of its kind,
 *   so `(see https://x.com/a)` ends before `)` and `https://en.wikipedia.org/wiki/A_(b)` keeps it.
 * - What remains must be an acceptable destination (`httpUrlProblem`, ≤ 2048 characters);
 *   otherwise it is reported as skipped and left in the text as it was.
 */
import { httpUrlProblem, URL_MAX } from "@/lib/links/schemas";

/** `text.slice(start, end) === url`; indices are UTF-16 code units, as JavaScript slices. */
export type FoundUrl = { start: number; end: number; url: string };
/** Something that starts like a URL but cannot be a link destination, and why. */
export type SkippedUrl = { start: number; end: number; url: string; reason: string };

// Characters that end a URL outright.
const TERMINATOR = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff<>"`\u3000-\u303f\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f\uff3b\uff3d\uff5b\uff5d]/u;
const TRAILING = new Set([".", ",", "!", "?", ":", ";", "'", "*", "_", "~", "\u2019", "\u201d", "\u00bb", "\u2026", "\u203a"]);
const CLOSERS: Record<string, string> = { ")": "(", "]": "[", "}": "{" };
// A scheme right after a Latin letter or digit is part of a word, not the start of a URL. (Not
// any letter: Chinese and Japanese text put no space before a URL; not `_`: WhatsApp italics.)
const WORD_CHAR = /[A-Za-z0-9]/;

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n += 1;
  return n;
}

/** Drops the sentence's punctuation from the end of a URL candidate. */
export function trimTrailing(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1);
    if (last === undefined) return url;
    if (TRAILING.has(last)) {
      url = url.slice(0, -1);
      continue;
    }
    const opener = CLOSERS[last];
    if (opener !== undefined && count(url, last) > count(url, opener)) {
      url = url.slice(0, -1);
      continue;
    }
    return url;
  }
}

/** Where the run of URL characters starting at `from` ends (at a terminator or the end). */
function runEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length) {
    const char = String.fromCodePoint(text.codePointAt(end) ?? 0);
    if (TERMINATOR.test(char)) break;
    end += char.length;
  }
  return end;
}

/** Every http(s) URL of `text`, in order, and the URL-like runs that cannot be links. */
export function findUrls(text: string): { urls: FoundUrl[]; skipped: SkippedUrl[] } {
  const urls: FoundUrl[] = [];
  const skipped: SkippedUrl[] = [];
  const scheme = /https?:\/\//gi;
  let match: RegExpExecArray | null;
  while ((match = scheme.exec(text)) !== null) {
    const start = match.index;
    const end = runEnd(text, start + match[0].length);
    const previous = start > 0 ? text[start - 1] : undefined;
    if (previous !== undefined && WORD_CHAR.test(previous)) {
      scheme.lastIndex = end; // `xhttps://a.com/https://b.com` is one word, not a URL
      continue;
    }
    const url = trimTrailing(text.slice(start, end));
    const urlEnd = start + url.length;
    scheme.lastIndex = Math.max(urlEnd, start + match[0].length);
    if (url.length <= match[0].length) continue; // a bare "https://"
    const problem = url.length > URL_MAX ? `URLs can be at most ${URL_MAX} characters` : httpUrlProblem(url);
    if (problem) skipped.push({ start, end: urlEnd, url, reason: problem });
    else urls.push({ start, end: urlEnd, url });
  }
  return { urls, skipped };
}

/** `text` with each found URL replaced by `replacement(url, index)`; everything else unchanged. */
export function replaceUrls(text: string, urls: readonly FoundUrl[], replacement: (url: FoundUrl, index: number) => string): string {
  let out = "";
  let at = 0;
  urls.forEach((url, index) => {
    out += text.slice(at, url.start) + replacement(url, index);
    at = url.end;
  });
  return out + text.slice(at);
}
