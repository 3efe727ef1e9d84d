/**
 * Imported first by every npm script that reads the configuration, so they
 * see the same `.env` as `npm start` (variables already set win).
 */
import path from 'node:path';
import { loadEnvFile } from '../src/server/config/env-file';

loadEnvFile(path.resolve(import.meta.dirname, '..'));
