/**
 * The one error kind the file reader and writer throw for problems a user can fix (a missing or
 * encrypted file, no SKU table, a bad settings file). Its message is one line and complete; the
 * command line prints it as is, never with a stack trace.
 */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookError";
  }
}
