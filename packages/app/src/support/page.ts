/** Paging input shared by every list use case. */
export interface PageInput {
  readonly page: number;
  readonly pageSize: number;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

export function pageOffset(input: PageInput): number {
  return (input.page - 1) * input.pageSize;
}

/** Escapes `%`, `_` and `\` so user search text is matched literally by LIKE. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}
