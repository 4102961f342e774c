/** Showing the user a sheet the add-in wrote. */

/** Activates the sheet named `name`; a sheet that no longer exists (deleted since) is an error with a message. */
export async function activateSheet(context: Excel.RequestContext, name: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  sheet.load("name");
  await context.sync();
  if (sheet.isNullObject) throw new Error(`The sheet "${name}" no longer exists; run again to rebuild it.`);
  sheet.activate();
  await context.sync();
}
