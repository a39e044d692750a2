let counter = 0;

/** A short id that is unique within a document and across tabs: a prefix, the time and randomness. */
export function newId(prefix: string): string {
  counter = (counter + 1) % 1_679_616;
  const random = Math.floor(Math.random() * 1_679_616).toString(36).padStart(4, '0');
  return `${prefix}-${Date.now().toString(36).slice(-5)}${counter.toString(36)}${random}`;
}
