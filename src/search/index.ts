export { createSearchIndex } from './engine';
export type { SearchIndexOptions, SearchIndexWithStats } from './engine';
export type { SearchHit, SearchIndex, SearchOptions } from './types';
