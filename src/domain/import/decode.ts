// The bytes of a runbook -> text. UTF-8 first; UTF-16 (Windows "Unicode" saves, with or without a
// byte order mark) and Windows-1252 are read too, with a notice; binary files and web pages are
// refused with one line saying what the file is.
import { CutoverError, EXIT } from '../errors.js';
import { utf16Of } from '../utf16.js';

export interface DecodedRunbook {
  text: string;
  notice?: string;
}

export function decodeRunbook(bytes: Uint8Array, display: string): DecodedRunbook {
  let decoded: DecodedRunbook;
  const utf16 = utf16Of(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    decoded = { text, notice: `the file is ${utf16.toUpperCase()}: read it as such (save it as UTF-8 to avoid this note)` };
  } else if (bytes.subarray(0, 8192).includes(0)) {
    throw new CutoverError(`${display} is not a text file (it contains NUL bytes)`, EXIT.usage, 'import expects a markdown runbook');
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      decoded = { text: new TextDecoder('windows-1252').decode(bytes), notice: 'the file is not UTF-8: read it as Windows-1252 (Latin-1)' };
    }
  }
  if (decoded.text.includes('\0')) {
    throw new CutoverError(`${display} is not a text file (it contains NUL characters)`, EXIT.usage, 'import expects a markdown runbook');
  }
  // Markdown may hold some HTML, but a whole web page would import as one block of markup.
  if (/^\uFEFF?\s*(?:<!doctype\s+html|<html[\s>])/i.test(decoded.text)) {
    throw new CutoverError(`${display} is an HTML page, not a markdown runbook`, EXIT.usage, 'convert it to markdown first, e.g. pandoc -f html -t gfm page.html -o runbook.md');
  }
  return decoded;
}
