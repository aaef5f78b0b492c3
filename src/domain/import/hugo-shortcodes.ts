// Hugo shortcodes on lines of their own (`{{< tabs >}}`, `{{% tab name="Ubuntu" %}}`,
// `{{< note >}}` … `{{< /note >}}`): the renderer replaces them; as markdown they glue what they
// wrap to the text around them (an indented command becomes paragraph text). Each such line is
// replaced, before parsing, by an HTML comment marker, which ends the block before it as the
// shortcode did for Hugo; markdown-tree.ts drops the markers, and a tab's name becomes a lead-in.

const SHORTCODE_LINE = /^([ \t]*)\{\{([<%])\s*(\/?)\s*([A-Za-z][\w-]*)([\s\S]*?)\s*\/?\s*[%>]\}\}\s*$/;
const FENCE = /^\s*(`{3,}|~{3,})/;
const TAB_NAME = /\bname\s*=\s*"([^"]+)"|\bname\s*=\s*'([^']+)'/;

export const SHORTCODE_MARKER = /^<!--cutover-shortcode(?:: (.*))?-->$/;

/** The text with shortcode lines replaced by markers, and how many there were. */
export function markShortcodes(text: string): { text: string; count: number } {
  let fence: string | undefined;
  let count = 0;
  const lines = text.split('\n').map((line) => {
    const opens = FENCE.exec(line)?.[1];
    if (fence) {
      if (opens && opens[0] === fence[0] && opens.length >= fence.length && !line.trim().slice(opens.length).trim()) fence = undefined;
      return line;
    }
    if (opens) {
      fence = opens;
      return line;
    }
    const match = SHORTCODE_LINE.exec(line);
    if (!match) return line;
    count++;
    const [, indent = '', , closing, name = '', args = ''] = match;
    const tab = !closing && name === 'tab' ? TAB_NAME.exec(args) : undefined;
    const label = tab ? (tab[1] ?? tab[2] ?? '').replace(/-->/g, '') : undefined;
    return `${indent}<!--cutover-shortcode${label ? `: ${label}` : ''}-->`;
  });
  return { text: lines.join('\n'), count };
}
