/** The store's errors, apart from the port so the collection registry can use them without a cycle. */

export class VersionConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`version conflict on ${collection}/${id}`);
    this.name = 'VersionConflictError';
  }
}

export class DuplicateIdError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`duplicate id ${collection}/${id}`);
    this.name = 'DuplicateIdError';
  }
}

/** `update` on an id that does not exist. */
export class NotFoundError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
  ) {
    super(`no document ${collection}/${id}`);
    this.name = 'NotFoundError';
  }
}

/** A document or value the store cannot keep as JSON, or a name it will not accept. */
export class InvalidDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDocumentError';
  }
}

/** A write whose document does not match its collection's schema: nothing was written. */
export class RejectedDocumentError extends InvalidDocumentError {
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly reason: string,
  ) {
    super(`${collection}/${id} does not match the collection's schema: ${reason}`);
    this.name = 'RejectedDocumentError';
  }
}

/**
 * A stored document that does not match its collection's schema (an older version wrote it, or
 * someone edited the database by hand). `get` throws it; readers of many documents report and skip.
 */
export class BadDocumentError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly reason: string,
  ) {
    super(`stored document ${collection}/${id} does not match the collection's schema: ${reason}`);
    this.name = 'BadDocumentError';
  }
}
