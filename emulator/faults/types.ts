/** The shape of a fault switch: the catalogue's rows and what `--list-faults` lists. */

/** One fault switch as listed by `--list-faults`. */
export interface FaultInfo {
  name: string;
  tag: string;
  operation: string;
  description: string;
  expectedCheck: string;
}

/** One row of the catalogue. */
export type FaultRow = [name: string, tag: string, operation: string, expectedCheck: string, description: string];
