/** One catalogue entry: HTTP status and the message in both languages (`{name}` placeholders). */
export interface ErrorText {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
}

export type ErrorCatalogue = Readonly<Record<string, ErrorText>>;

/** Identity helper that keeps a context's catalogue literal-typed. */
export function defineErrors<const T extends ErrorCatalogue>(catalogue: T): T {
  return catalogue;
}
