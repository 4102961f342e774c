/**
 * Custom XML parts (ExcelApi 1.5): where the add-in keeps its own data inside the workbook (the
 * owned-sheet marker and the saved settings). A part lives in the .xlsx file itself
 * (`customXml/item*.xml`), so it travels with the workbook, is the same for every build of the
 * add-in, and the command-line file reader can read it too.
 *
 * Reading takes two round trips (the part ids, then their XML); the queue… functions let a
 * caller fold both into syncs it makes anyway. The XML text itself (escaping, reading elements)
 * is pure and shared with the file side: src/engine/workbookParts/customXml.ts.
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
