/**
 * The text side of the add-in's custom XML parts (the owned-sheet registry and the saved setup):
 * escaping, and reading the few elements and attributes the add-in writes itself, without a DOM.
 * Both writers use it: src/excel moves the XML through Office.js (`workbook.customXmlParts`),
 * src/workbook through the .xlsx package (`customXml/item*.xml`), so both read and write the same
 * text.
 */

const XML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Text escaped for an XML attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]);
}

/** Text escaped for XML character data (quotes stay readable, e.g. JSON). */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => XML_ESCAPES[ch]);
}

/** The text of XML character data: the five named entities and numeric references decoded. */
export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[entity] ?? "";
  });
}

const ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes in the text of a start tag (`<a x="1" y='2'>`, or just ` x="1" y='2'`), decoded. */
export function attributesOf(startTag: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const m of startTag.matchAll(ATTRIBUTE)) attributes[m[1]] = unescapeXml(m[2] ?? m[3] ?? "");
  return attributes;
}

/** The attributes of every `<tag …>` element in `xml` (no DOM needed: the add-in writes these parts itself). */
export function elementsOf(xml: string, tag: string): Record<string, string>[] {
  const element = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}(\\s[^>]*?)?\\/?>`, "g");
  return [...xml.matchAll(element)].map((match) => attributesOf(match[1] ?? ""));
}

/** The character data of the first `<tag>…</tag>` element, decoded; undefined when absent. */
export function elementText(xml: string, tag: string): string | undefined {
  const match = new RegExp(
    `<(?:[A-Za-z_][\\w.-]*:)?${tag}(?:\\s[^>]*)?>([\\s\\S]*?)<\\/(?:[A-Za-z_][\\w.-]*:)?${tag}>`,
  ).exec(xml);
  if (!match) return undefined;
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(match[1]);
  return cdata ? cdata[1] : unescapeXml(match[1]);
}

/**
 * The namespace URI of the document element: what Office.js `customXmlParts.getByNamespace`
 * matches, so the file side finds the same parts the task pane does.
 */
export function rootNamespace(xml: string): string | undefined {
  const root = /<([A-Za-z_][\w.-]*)(?::([A-Za-z_][\w.-]*))?(\s[^>]*)?>/g;
  for (const m of xml.matchAll(root)) {
    if (m[0].startsWith("<?") || m[0].startsWith("<!")) continue;
    const prefix = m[2] === undefined ? undefined : m[1];
    const attributes = attributesOf(m[3] ?? "");
    return attributes[prefix === undefined ? "xmlns" : `xmlns:${prefix}`];
  }
  return undefined;
}
