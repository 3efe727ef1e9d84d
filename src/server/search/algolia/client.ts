import { algoliasearch, type Algoliasearch } from 'algoliasearch';
import type { AlgoliaConfig } from '../../config';

export type AlgoliaClient = Algoliasearch;

/**
 * An Algolia v5 client for the configured application. `hostUrl` (tests and
 * the local fixture) sends every request to one plain-HTTP address instead of
 * Algolia's hosts.
 */
export function createAlgoliaClient(config: AlgoliaConfig, key: 'admin' | 'search'): AlgoliaClient {
  const apiKey = key === 'admin' ? config.adminKey : config.searchKey;
  if (!config.hostUrl) return algoliasearch(config.appId, apiKey);
  const url = new URL(config.hostUrl);
  return algoliasearch(config.appId, apiKey, {
    hosts: [
      {
        url: url.host,
        accept: 'readWrite',
        protocol: url.protocol === 'https:' ? 'https' : 'http',
      },
    ],
  });
}
