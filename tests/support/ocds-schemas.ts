import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { parseCsv } from '../../src/lib/csv';
import { requireOrSkip } from './suite-requirements';

/**
 * The official OCDS 1.1.5 schemas and codelists (Open Contracting
 * Partnership, Apache 2.0), read from `../shared/reference/ocds-1.1.5/`
 * beside the checkout (CI has it there) or from OCDS_SCHEMA_DIR. Without
 * them the OCDS suites are skipped with how to enable them; with CI=true a
 * missing reference fails the run (`requireOrSkip`).
 */
const rootDir = path.resolve(import.meta.dirname, '../..');

export function ocdsReferenceDir(): string | null {
  const candidates = [
    process.env.OCDS_SCHEMA_DIR,
    path.join(rootDir, '..', 'shared', 'reference', 'ocds-1.1.5'),
    path.join(rootDir, '..', '..', 'shared', 'reference', 'ocds-1.1.5'),
  ];
  return (
    candidates.find((dir) => dir && fs.existsSync(path.join(dir, 'release-schema.json'))) ?? null
  );
}

/** Whether the OCDS suite runs here (throws under CI=true when it cannot). */
export function ocdsSuite(): { run: boolean } {
  return requireOrSkip(
    ocdsReferenceDir() !== null,
    'The OCDS 1.1.5 reference schemas',
    'put the reference at ../shared/reference/ocds-1.1.5/ beside the checkout (CI does) or set OCDS_SCHEMA_DIR to a folder holding release-schema.json, release-package-schema.json, record-package-schema.json, versioned-release-validation-schema.json and codelists/',
  );
}

export interface OcdsValidators {
  release: ValidateFunction;
  releasePackage: ValidateFunction;
  recordPackage: ValidateFunction;
  /** Codes of a codelist (`partyRole` → buyer, supplier, …). */
  codelist(name: string): Set<string>;
}

/** Compiles the three schemas with ajv (draft-04) and date-time/uri formats. */
export function loadOcdsValidators(): OcdsValidators {
  const dir = ocdsReferenceDir();
  if (!dir) throw new Error('OCDS reference not found');
  const read = (file: string) =>
    JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { id: string };
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const release = read('release-schema.json');
  const versioned = read('versioned-release-validation-schema.json');
  ajv.addSchema(release, release.id);
  ajv.addSchema(versioned, versioned.id);
  const codelists = new Map<string, Set<string>>();
  return {
    release: ajv.getSchema(release.id)!,
    releasePackage: ajv.compile(read('release-package-schema.json')),
    recordPackage: ajv.compile(read('record-package-schema.json')),
    codelist(name) {
      let codes = codelists.get(name);
      if (!codes) {
        const parsed = parseCsv(fs.readFileSync(path.join(dir, 'codelists', `${name}.csv`)));
        if (!parsed.ok) throw new Error(`codelists/${name}.csv does not parse`);
        const column = parsed.header.indexOf('Code');
        codes = new Set(parsed.records.map((record) => record.values[column]!));
        codelists.set(name, codes);
      }
      return codes;
    },
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Every codelist value in a release (open codelists included, which the
 * schema does not close with an enum), each checked against its CSV:
 * returns the values that are not in their codelist, as "path: value".
 */
export function codelistViolations(release: Json, validators: OcdsValidators): string[] {
  const byField: Record<string, string> = {
    tag: 'releaseTag',
    initiationType: 'initiationType',
    roles: 'partyRole',
    documentType: 'documentType',
    procurementMethod: 'method',
    awardCriteria: 'awardCriteria',
    submissionMethod: 'submissionMethod',
    mainProcurementCategory: 'procurementCategory',
    currency: 'currency',
  };
  const statusList = (trail: string[]) => {
    if (trail.includes('milestones')) return 'milestoneStatus';
    if (trail.includes('contracts')) return 'contractStatus';
    if (trail.includes('awards')) return 'awardStatus';
    if (trail.includes('tender')) return 'tenderStatus';
    return null;
  };
  const out: string[] = [];
  const walk = (value: Json, trail: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((item) => walk(item, trail));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      const list =
        key === 'status'
          ? statusList(trail)
          : key === 'type' && trail.includes('milestones')
            ? 'milestoneType'
            : byField[key];
      if (list && child !== null) {
        const values = Array.isArray(child) ? child : [child];
        for (const code of values) {
          if (typeof code === 'string' && !validators.codelist(list).has(code))
            out.push(`${[...trail, key].join('.')}: ${code}`);
        }
      }
      walk(child, [...trail, key]);
    }
  };
  walk(release, []);
  return out;
}
