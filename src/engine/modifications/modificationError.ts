/** A modification row that cannot apply to its lease; `where` is the row's cell ("LeaseModifications!A5") when known. */
export class ModificationError extends Error {
  constructor(
    message: string,
    readonly where?: string,
  ) {
    super(message);
    this.name = 'ModificationError';
  }
}
