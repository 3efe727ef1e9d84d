import type { RequestDb } from '../db/request-context';
import type { FieldError } from '../forms';
import type { CityProfileForm, CityRecordForm } from './city-profile-form';

/**
 * Saves a city's profile, and, when the caller is an admin, its record
 * (name, country, region, KPI facts). RLS decides who may update the city;
 * the guard trigger keeps the record for admins whatever is sent.
 */
export async function updateCityProfile(
  db: RequestDb,
  input: { cityId: string; profile: CityProfileForm; record?: CityRecordForm },
): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const { profile, record } = input;
  try {
    const rows = await db.savepoint((tx) =>
      tx.query(
        `update public.cities set population = $2, population_year = $3, sdg_priorities = $4::smallint[],
                profile = $5, contact_email = $6, website_url = $7
                ${record ? ', name = $8, country = $9, region = $10, kpi_year = $11, kpi_verified = $12, kpi_report_url = $13' : ''}
          where id = $1 returning id`,
        [
          input.cityId,
          profile.population,
          profile.population_year,
          profile.sdg_priorities,
          profile.profile,
          profile.contact_email,
          profile.website_url,
          ...(record
            ? [
                record.name,
                record.country,
                record.region,
                record.kpi_year,
                record.kpi_verified === 'unknown' ? null : record.kpi_verified === 'yes',
                record.kpi_report_url,
              ]
            : []),
        ],
      ),
    );
    if (rows.length === 0)
      return { ok: false, errors: [{ field: 'form', message: 'cities.profile.error.forbidden' }] };
    return { ok: true };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '42501')
      return { ok: false, errors: [{ field: 'form', message: 'cities.profile.error.forbidden' }] };
    if (code?.startsWith('23'))
      return { ok: false, errors: [{ field: 'form', message: 'cities.profile.error.notSaved' }] };
    throw error;
  }
}
