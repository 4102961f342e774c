/**
 * A small streaming XML tokenizer for the parts of an .xlsx the reader walks (worksheets, shared
 * strings): text arrives in chunks of any size and comes out as start tags, end tags and text, so
 * a worksheet of hundreds of megabytes is never held as one string or as a tree.
 *
 * It reads well-formed XML as spreadsheet applications write it: elements, attributes in single or
 * double quotes (a `>` inside a value is fine), character data with entity and character
 * references, CDATA sections, comments, processing instructions and a DOCTYPE without an internal
 * subset. Element names are reported without their namespace prefix (`x:c` → `c`).
 */
import { unescapeXml } from "../engine/workbookParts/customXml";

export interface XmlHandler {
  /** A start tag: local name, the raw attribute text, and whether it closes itself (`<a/>`). */
  open(name: string, attributes: string, selfClosing: boolean): void;
  /** An end tag (not called for self-closing tags). */
  close(name: string): void;
  /** Character data (decoded), in one piece between two tags. */
  text(text: string): void;
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(":");
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Decodes entity and character references only when there are some (the common case has none). */
export function decodeText(raw: string): string {
  return raw.indexOf("&") < 0 ? raw : unescapeXml(raw);
}

const QUOTE = 34;
const APOSTROPHE = 39;
const GT = 62;
const SLASH = 47;

export class XmlScanner {
  private rest = "";

  constructor(private readonly handler: XmlHandler) {}

  /** Scans a chunk; an incomplete tag or text at its end waits for the next chunk. */
  write(chunk: string): void {
    const buf = this.rest.length === 0 ? chunk : this.rest + chunk;
    const h = this.handler;
    let i = 0;
    const n = buf.length;
    while (i < n) {
      const lt = buf.indexOf("<", i);
      if (lt < 0) break;
      if (lt > i) h.text(decodeText(buf.slice(i, lt)));
      i = lt;
      const next = buf.charCodeAt(lt + 1);
      if (Number.isNaN(next)) break;
      if (next === SLASH) {
        const gt = buf.indexOf(">", lt + 2);
        if (gt < 0) break;
        h.close(localName(buf.slice(lt + 2, gt).trim()));
        i = gt + 1;
        continue;
      }
      if (next === 33 /* ! */) {
        if (buf.startsWith("<!--", lt)) {
          const end = buf.indexOf("-->", lt + 4);
          if (end < 0) break;
          i = end + 3;
        } else if (buf.startsWith("<![CDATA[", lt)) {
          const end = buf.indexOf("]]>", lt + 9);
          if (end < 0) break;
          h.text(buf.slice(lt + 9, end));
          i = end + 3;
        } else {
          if (n - lt < 9) break;
          const gt = buf.indexOf(">", lt + 2);
          if (gt < 0) break;
          i = gt + 1;
        }
        continue;
      }
      if (next === 63 /* ? */) {
        const end = buf.indexOf("?>", lt + 2);
        if (end < 0) break;
        i = end + 2;
        continue;
      }
      // A start tag: its end is the first ">" outside a quoted attribute value.
      let k = lt + 1;
      let quote = 0;
      for (; k < n; k++) {
        const c = buf.charCodeAt(k);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === QUOTE || c === APOSTROPHE) quote = c;
        else if (c === GT) break;
      }
      if (k >= n) break;
      const selfClosing = buf.charCodeAt(k - 1) === SLASH;
      const inner = buf.slice(lt + 1, selfClosing ? k - 1 : k);
      let nameEnd = 0;
      while (nameEnd < inner.length && inner.charCodeAt(nameEnd) > 32) nameEnd++;
      h.open(localName(inner.slice(0, nameEnd)), inner.slice(nameEnd), selfClosing);
      i = k + 1;
    }
    this.rest = i >= n ? "" : buf.slice(i);
  }

  /** The end of the document: only whitespace may be left over. */
  end(): void {
    if (this.rest.trim() !== "") throw new Error("the XML ends in the middle of a tag");
    this.rest = "";
  }
}

/**
 * Calls `visit` with each attribute of the raw attribute text of a start tag, in order: its name
 * (prefix included) and its value (decoded).
 */
export function forEachAttribute(attributes: string, visit: (name: string, value: string) => void): void {
  const n = attributes.length;
  let p = 0;
  while (p < n) {
    while (p < n && attributes.charCodeAt(p) <= 32) p++;
    const eq = attributes.indexOf("=", p);
    if (eq < 0) return;
    const name = attributes.slice(p, eq).trim();
    p = eq + 1;
    while (p < n && attributes.charCodeAt(p) <= 32) p++;
    const quote = attributes[p];
    if (quote !== '"' && quote !== "'") return;
    const end = attributes.indexOf(quote, p + 1);
    if (end < 0) return;
    visit(name, decodeText(attributes.slice(p + 1, end)));
    p = end + 1;
  }
}

/** The value of attribute `name` (prefix included, e.g. `r:id`) in the raw attribute text, or undefined. */
export function attributeValue(attributes: string, name: string): string | undefined {
  let found: string | undefined;
  forEachAttribute(attributes, (key, value) => {
    if (found === undefined && key === name) found = value;
  });
  return found;
}
