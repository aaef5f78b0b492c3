// Makes runbook text uniform before parsing: no BOM, LF line endings, mojibake repaired, wiki
// markup (Confluence, Jira) and reStructuredText code blocks rewritten as markdown, Hugo shortcode
// lines marked, MkDocs admonitions and tabs dedented.
import { markShortcodes } from './hugo-shortcodes.js';
import { readMkdocsBlocks } from './mkdocs-blocks.js';
import { repairMojibake } from './mojibake.js';
import { rstCodeToFences } from './other-formats.js';
import { isWikiMarkup, wikiToMarkdown } from './wiki-markup.js';

export interface NormalizedText {
  text: string;
  mojibakeRepairs: number;
  hadCrlf: boolean;
  wikiMarkup: boolean;
  /** Hugo shortcode lines replaced by markers (hugo-shortcodes.ts). */
  shortcodes: number;
  /** MkDocs admonitions and content tabs read (mkdocs-blocks.ts). */
  mkdocsBlocks: number;
}

export function normalizeText(raw: string): NormalizedText {
  const noBom = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const hadCrlf = noBom.includes('\r');
  const lf = noBom.replace(/\r\n?/g, '\n');
  const { text, repairs } = repairMojibake(lf);
  const wikiMarkup = isWikiMarkup(text);
  const mkdocs = readMkdocsBlocks(wikiMarkup ? wikiToMarkdown(text) : rstCodeToFences(text));
  const marked = markShortcodes(mkdocs.text);
  return { text: marked.text, mojibakeRepairs: repairs, hadCrlf, wikiMarkup, shortcodes: marked.count, mkdocsBlocks: mkdocs.count };
}
