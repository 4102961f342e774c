/**
 * Custom XML parts (ExcelApi 1.5): where the add-in keeps its own data inside the workbook (the
 * owned-sheet marker and the saved settings). A part lives in the .xlsx file itself
 * (`customXml/item*.xml`), so it travels with the workbook, is the same for every build of the
 * add-in, and the command-line file reader can read it too.
 *
 * Reading takes two round trips (the part ids, then their XML); the queue… functions let a
 * caller fold both into syncs it makes anyway.
 */

/** A custom XML part with its XML, as read. */
export interface XmlPart {
  part: Excel.CustomXmlPart;
  xml: string;
}

/** Queues loading the parts whose root element is in `namespaceUri`; call queuePartXml after the sync. */
export function queueNamespaceParts(
  context: Excel.RequestContext,
  namespaceUri: string,
): Excel.CustomXmlPartScopedCollection {
  const parts = context.workbook.customXmlParts.getByNamespace(namespaceUri);
  parts.load("items/id");
  return parts;
}

/** Queues reading the XML of loaded parts; the results are readable after the next sync. */
export function queuePartXml(
  parts: Excel.CustomXmlPartScopedCollection,
): { part: Excel.CustomXmlPart; xml: OfficeExtension.ClientResult<string> }[] {
  return parts.items.map((part) => ({ part, xml: part.getXml() }));
}

/** Reads every part in `namespaceUri` (one sync when there is none, else two). */
export async function readNamespaceParts(
  context: Excel.RequestContext,
  namespaceUri: string,
): Promise<XmlPart[]> {
  const parts = queueNamespaceParts(context, namespaceUri);
  await context.sync();
  if (parts.items.length === 0) return [];
  const pending = queuePartXml(parts);
  await context.sync();
  return pending.map(({ part, xml }) => ({ part, xml: xml.value }));
}

/**
 * Queues replacing the add-in's part in a namespace by `xml`: the first existing part is
 * rewritten and any duplicates (left by two panes writing at once) are deleted; with no part,
 * one is added. Returns the part, so later batches can rewrite it again.
 */
export function queueWritePart(
  context: Excel.RequestContext,
  existing: readonly Excel.CustomXmlPart[],
  xml: string,
): Excel.CustomXmlPart {
  if (existing.length === 0) return context.workbook.customXmlParts.add(xml);
  const [first, ...duplicates] = existing;
  first.setXml(xml);
  for (const duplicate of duplicates) duplicate.delete();
  return first;
}

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

/** The attributes of every `<tag …>` element in `xml` (no DOM needed: the add-in writes these parts itself). */
export function elementsOf(xml: string, tag: string): Record<string, string>[] {
  const elements: Record<string, string>[] = [];
  const element = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${tag}(\\s[^>]*?)?\\/?>`, "g");
  const attribute = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (const match of xml.matchAll(element)) {
    const attributes: Record<string, string> = {};
    for (const a of (match[1] ?? "").matchAll(attribute)) attributes[a[1]] = unescapeXml(a[3] ?? a[4] ?? "");
    elements.push(attributes);
  }
  return elements;
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
