/** What the search core returns: ids into the knowledge base, higher score is better. */
export interface SearchHit {
  kind: 'fact' | 'passage';
  /** Fact id or passage id. */
  id: string;
  /** Relevance; higher is better. Only hits above the relevance floor are returned. */
  score: number;
}

export interface SearchOptions {
  /** Maximum hits (default 5). */
  limit?: number;
}

export interface SearchIndex {
  search(query: string, options?: SearchOptions): SearchHit[];
}
