// The district widget's files, written beside the app's by scripts/build-wasm.mjs:
//
//   embed.js      public/embed.js minified, under its fixed name: district websites link
//                 it, so it is revalidated, never cached for good (at most 2 KB gzip)
//   embed.html    public/embed.html with its stylesheet and script named by content and
//                 the widget's words from the locale files; served for /embed/d/{slug}
//   widget-….js   public/widget.js minified
//   widget-….css  style/widget.css minified
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { transformSync } from 'esbuild';

import { localeBlock } from './locale-text.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');

/// What a host page may load for one line of HTML (issue 9): the loader's gzip ceiling.
export const LOADER_CEILING = 2048;

// The words public/widget.js draws with.
const WIDGET_TEXT = [
  'app_name', 'proposals_heading', 'news_heading', 'news_all', 'news_empty', 'support_count', 'comment_count',
  'announcement_sale', 'announcement_hours', 'announcement_event', 'announcement_notice',
  'widget_new_tab', 'widget_proposals_all', 'widget_proposals_empty', 'widget_not_found', 'widget_failed',
  'widget_open_portal',
];

// Classic scripts, not modules: a host page runs embed.js with a plain <script>.
const minifyScript = (js) => transformSync(js, { minify: true, target: 'es2020', legalComments: 'none' }).code;

function swap(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`build-embed: ${what} has no ${from}`);
  return text.replace(from, () => to);
}

export function buildEmbed(staging, { hash16, step }) {
  const write = (name, data) => fs.writeFileSync(path.join(staging, name), data);
  const js = minifyScript(read('public/widget.js'));
  const css = transformSync(read('style/widget.css'), { loader: 'css', minify: true }).code;
  const jsName = `widget-${hash16(js)}.js`;
  const cssName = `widget-${hash16(css)}.css`;
  write(jsName, js);
  write(cssName, css);

  // The app's icon, as Trunk named it.
  const icon = fs.readdirSync(staging).find((f) => /^favicon-[0-9a-f]+\.svg$/.test(f));
  if (!icon) throw new Error('build-embed: no favicon-….svg among the built files');
  let html = read('public/embed.html');
  html = swap(html, '../../public/favicon.svg', `../../${icon}`, 'public/embed.html');
  html = swap(html, '../../style/widget.css', `../../${cssName}`, 'public/embed.html');
  html = swap(html, '../../public/widget.js', `../../${jsName}`, 'public/embed.html');
  html = swap(html, '</head>', `  ${localeBlock('golmok-widget-text', WIDGET_TEXT)}\n  </head>`, 'public/embed.html');
  // Only the comment a deployer needs stays (as in index.html).
  html = html.replace(/\n?[ \t]*<!--([\s\S]*?)-->/g, (comment, text) => (/^\s*Deploy-time/.test(text) ? comment : ''));
  write('embed.html', html);

  const loader = minifyScript(read('public/embed.js'));
  const gzip = zlib.gzipSync(loader, { level: 9 }).length;
  if (gzip > LOADER_CEILING) {
    throw new Error(`build-embed: embed.js is ${gzip} bytes of gzip, over its ${LOADER_CEILING}`);
  }
  write('embed.js', loader);
  step(`widget: embed.js (${gzip} B gzip), embed.html, ${jsName}, ${cssName}`);
}
