/**
 * The A1 address helpers are pure and shared with the file side: they live in
 * src/engine/workbookParts/address.ts; import them from there. Re-exported here only for code that
 * still imports this path (test/e2e/snapshot.ts).
 */
export { blockAddress } from "../engine/workbookParts/address";
