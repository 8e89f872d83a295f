/** One row of a spreadsheet or CSV file as read from disk: its 1-based row number and raw cells. */
export type SheetRow = { rowNumber: number; cells: string[] };

/** A bad row as the clerk sees it: the row number in the file, the column header, the reason. */
export type RowError = { row: number; column: string | null; message: string };
