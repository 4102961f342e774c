/** What the pane says about the product; one place, so the words and the link stay consistent. */
export const PRODUCT_NAME = "Elastic Fulfilment";
export const PRODUCT_TAGLINE = "Turn inventory into a working-capital lever, right in Excel.";
export const README_URL = "https://github.com/elastic-fulfilment/elastic-fulfilment#readme";
