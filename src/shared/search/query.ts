/** What the engines receive for a reader's query. */

/** The text the embedder sees: the model's query prefix (e5-style models need one), then the query. */
export function semanticQueryText(query: string, queryPrefix: string): string {
  return queryPrefix + query;
}
