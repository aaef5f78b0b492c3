// Confluence / Jira wiki markup ("h2. Steps", "# step", "{{code}}", "||head||", "{code:bash}")
// -> markdown, so that a runbook copied out of a wiki imports like any other. Only a document
// that is wiki markup throughout is converted: `h2.` headings and none of markdown's fences or
// table rules. Code blocks are copied as written.

const WIKI_HEADING = /^h([1-6])\.\s+(.*)$/;
const CODE_START = /^\s*\{(code|noformat)(?::([^}]*))?\}\s*(.*)$/;
const PANEL = /^\s*\{(panel|info|note|warning|tip)(?::[^}]*)?\}\s*(.*)$/;
const LIST = /^\s*([#*-]+)\s+(.*)$/;

export function isWikiMarkup(text: string): boolean {
  return /^h[1-6]\.\s+\S/m.test(text) && !/^\s*(?:```|~~~)/m.test(text) && !/^\s*\|?\s*:?-{3,}:?\s*\|/m.test(text);
}

function inline(text: string): string {
  return text
    .replace(/\{\{(.+?)\}\}/g, (_, code: string) => `\`${code}\``)
    .replace(/\[([^\]|]+)\|([^\]]+)\]/g, '[$1]($2)')
    .replace(/\[((?:https?|mailto):[^\]\s]+)\]/g, '<$1>')
    .replace(/(^|[\s(])\*(\S(?:[^*]*\S)?)\*(?=$|[\s).,:;!?])/g, '$1**$2**')
    .replace(/\\\\\s*$/, '  ');
}

function tableRow(line: string): string[] | undefined {
  const header = /^\s*\|\|(.*?)\|*\s*$/.exec(line);
  if (header) return [`| ${(header[1] ?? '').split('||').map(inline).join(' | ')} |`, `|${(header[1] ?? '').split('||').map(() => '---').join('|')}|`];
  const row = /^\s*\|(.*?)\|?\s*$/.exec(line);
  return row ? [`| ${(row[1] ?? '').split('|').map(inline).join(' | ')} |`] : undefined;
}

/** Nested wiki lists ("#*", "##") -> indented markdown lists. */
function listLine(markers: string, rest: string): string {
  let indent = '';
  for (const marker of markers.slice(0, -1)) indent += marker === '#' ? '   ' : '  ';
  return `${indent}${markers.endsWith('#') ? '1.' : '-'} ${inline(rest)}`;
}

/** Where the text of a markdown list line starts: a code block right after it belongs to it. */
function contentIndent(line: string): string | undefined {
  const item = /^(\s*(?:-|\d+\.)\s)/.exec(line);
  return item ? ' '.repeat(item[1]?.length ?? 0) : undefined;
}

export function wikiToMarkdown(text: string): string {
  const out: string[] = [];
  let code: string | undefined;
  let indent = '';
  let panel: string | undefined;
  for (let line of text.split('\n')) {
    if (code) {
      const end = line.indexOf(`{${code}}`);
      if (end < 0) out.push(indent + line);
      else {
        if (line.slice(0, end).trim()) out.push(indent + line.slice(0, end));
        out.push(`${indent}\`\`\``);
        code = undefined;
      }
      continue;
    }
    const codeStart = CODE_START.exec(line);
    if (codeStart) {
      code = codeStart[1];
      indent = contentIndent(out[out.length - 1] ?? '') ?? '';
      const lang = /(?:^|\|)(?:language=)?([\w+-]+)(?:\||$)/.exec(codeStart[2] ?? '')?.[1] ?? '';
      out.push(`${indent}\`\`\`${lang}`);
      if (codeStart[3]?.trim()) out.push(indent + codeStart[3]);
      continue;
    }
    const panelMark = PANEL.exec(line);
    if (panelMark) {
      panel = panel === panelMark[1] ? undefined : panelMark[1];
      if (!panel) {
        out.push('');
        continue;
      }
      out.push(`> **${panel.charAt(0).toUpperCase()}${panel.slice(1)}**`);
      line = panelMark[2] ?? '';
      if (!line.trim()) continue;
    }
    // `{info}One line.{info}`, `…last line.{note}`: the panel closes at the end of its text.
    const closing = panel ? line.trimEnd().endsWith(`{${panel}}`) : false;
    if (closing) line = line.trimEnd().slice(0, -`{${panel}}`.length);
    if (line.trim() || !closing) out.push(...convertLine(line).map((l) => (panel ? `> ${l}` : l)));
    if (closing) {
      panel = undefined;
      out.push('');
    }
  }
  if (code) out.push(`${indent}\`\`\``);
  return out.join('\n');
}

function convertLine(line: string): string[] {
  const heading = WIKI_HEADING.exec(line);
  if (heading) return [`${'#'.repeat(Number(heading[1]))} ${inline(heading[2] ?? '')}`];
  const quote = /^bq\.\s+(.*)$/.exec(line);
  if (quote) return [`> ${inline(quote[1] ?? '')}`];
  const row = tableRow(line);
  if (row) return row;
  const list = LIST.exec(line);
  if (list && !/^-{4,}$/.test(line.trim())) return [listLine(list[1] ?? '-', list[2] ?? '')];
  return [inline(line)];
}
