// Makes runbook text uniform before parsing: no BOM, LF line endings, mojibake repaired.
import { repairMojibake } from './mojibake.js';

export interface NormalizedText {
  text: string;
  mojibakeRepairs: number;
  hadCrlf: boolean;
}

export function normalizeText(raw: string): NormalizedText {
  const noBom = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const hadCrlf = noBom.includes('\r');
  const lf = noBom.replace(/\r\n?/g, '\n');
  const { text, repairs } = repairMojibake(lf);
  return { text, mojibakeRepairs: repairs, hadCrlf };
}
