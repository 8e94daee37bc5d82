// The stylesheet in two (scripts/build-wasm.mjs, release builds): the rules the first
// load can draw, which index.html links, and the rules only code in chunks draws, which
// come with the first chunk (the chunk loader waits for public/boot.js `golmokStyles`
// before it starts one). A resident opening a district downloads no forms, no console,
// no timeline styles: 1.3 KB of gzip off every first load (1.1 KB once the loading
// code is paid for).
//
// Nobody sorts rules by hand. A rule stays in the first sheet when some selector of it
// names only classes found in the files of the first load (the main wasm holds the class
// strings of every view it draws; chunks hold their own). A class the app builds at run
// time (`format!("badge badge-status status-{}", …)`) is in no file whole: it is found
// where the literal part of its format string is, listed below. A class found in no file
// at all fails the build, so a new one cannot go unnoticed.
// Everything that is not a plain rule (@keyframes, @font-face) stays first, but a named
// @page (a poster's paper), which goes later: only pages in chunks name one, and the
// build fails if a first-load rule does.
//
// Order is kept within each sheet, and the later sheet comes after the first. What
// changes: a later-sheet rule that stood above a first-load rule of the same specificity
// now stands below it, and wins where both set one property of one element. The later
// rules style their own components, so that has not happened (every page's screenshot
// was the same, pixel for pixel, before and after the split); an override shared by both
// belongs in a first-load rule, not above one.

/** Classes built at run time, by prefix: the literal that builds them (src/components). */
export const BUILT_AT_RUN_TIME = [
  ['status-', 'badge badge-status status-'],
  ['stance-', 'badge badge-stance stance-'],
  ['claim-', 'badge badge-status claim-'],
  ['news-', 'badge badge-news news-'],
  ['fill-', 'count-goal fill-'],
  ['sheet-', 'poster-frame sheet-'],
];

/**
 * Splits minified CSS. `firstLoad` is the text of every file of the first load; `anywhere`
 * adds every chunk. Returns `{ first, later }`, each valid CSS, `later` possibly empty.
 */
export function splitStylesheet(css, { firstLoad, anywhere }) {
  const known = (name, text) =>
    text.includes(name) ||
    (!anywhere.includes(name) && BUILT_AT_RUN_TIME.some(([prefix, built]) => name.startsWith(prefix) && text.includes(built)));
  const unused = new Set();
  const drawnFirst = (selectors) =>
    splitTop(selectors, ',').some((selector) =>
      classesOf(selector).every((name) => {
        if (!known(name, anywhere)) unused.add(name);
        return known(name, firstLoad);
      }),
    );
  const sort = (items) => {
    let first = '';
    let later = '';
    for (const item of items) {
      if (item.children) {
        const inner = sort(item.children);
        if (inner.first) first += `${item.head}{${inner.first}}`;
        if (inner.later) later += `${item.head}{${inner.later}}`;
      } else if (/^@page\s+[\w-]+/.test(item.head)) {
        // A named page (a poster's paper) is for rules of pages in chunks: checked below.
        later += item.text;
      } else if (item.head.startsWith('@') || drawnFirst(item.head)) {
        first += item.text;
      } else {
        later += item.text;
      }
    }
    return { first, later };
  };
  const split = sort(parse(css));
  if (/[{;]\s*page\s*:/.test(split.first)) {
    throw new Error('split-css: a first-load rule prints on a named @page, which goes to the later sheet');
  }
  if (unused.size) {
    throw new Error(
      `split-css: style/main.css styles classes no built file names: ${[...unused].join(', ')}. ` +
        'Remove the rules, or list how a class built at run time is built in scripts/split-css.mjs.',
    );
  }
  return split;
}

// Grouping at-rules hold rules; every other block (a rule, @keyframes, @font-face) is
// kept whole.
const GROUPING = /^@(media|supports|container|layer)\b/;

/** Top-level items of minified CSS: `{ head, text }`, or `{ head, children }` for a group. */
function parse(css) {
  const items = [];
  let at = 0;
  while (at < css.length) {
    const open = find(css, '{', at);
    if (open < 0) {
      if (css.slice(at).trim()) throw new Error(`split-css: cannot read ${css.slice(at, at + 40)}`);
      break;
    }
    const close = matching(css, open);
    const head = css.slice(at, open).trim();
    if (head.startsWith('@charset') || head.startsWith('@import')) {
      throw new Error(`split-css: ${head.slice(0, 20)} cannot be split`);
    }
    items.push(
      GROUPING.test(head)
        ? { head, children: parse(css.slice(open + 1, close)) }
        : { head, text: css.slice(at, close + 1).trim() },
    );
    at = close + 1;
  }
  return items;
}

/** Where `char` is next at or after `from`, outside strings; -1 when nowhere. */
function find(css, char, from) {
  for (let i = from; i < css.length; i++) {
    if (css[i] === '"' || css[i] === "'") i = endOfString(css, i);
    else if (css[i] === char) return i;
  }
  return -1;
}

function endOfString(css, start) {
  for (let i = start + 1; i < css.length; i++) {
    if (css[i] === '\\') i++;
    else if (css[i] === css[start]) return i;
  }
  throw new Error('split-css: a string never ends');
}

/** The `}` that closes the block opened at `open`. */
function matching(css, open) {
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === '"' || css[i] === "'") i = endOfString(css, i);
    else if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return i;
  }
  throw new Error('split-css: a block never closes');
}

/** Splits at `sep` outside brackets and strings: the selectors of a list. */
function splitTop(text, sep) {
  const parts = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = endOfString(text, i);
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === sep && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The classes an element must have for `selector` to match it (`:not(…)` asks none). */
function classesOf(selector) {
  const plain = selector
    .replace(/"(\\.|[^"\\])*"|'(\\.|[^'\\])*'/g, '""')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/:not\([^)]*\)/g, '');
  return [...plain.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]);
}
