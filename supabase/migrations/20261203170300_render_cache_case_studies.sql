-- The render cache (docs/render-cache.md) follows the case studies domain,
-- whose migration runs before the render cache's and so could not write its
-- data-version lines itself. Public pages show published case studies with
-- their cities, partners, KPIs and Recommendations (the listing, city, hub,
-- organization and home pages), and the listing's facets come from the two
-- private count tables its functions keep. A case study becomes visible when
-- it is published (a write), never by time alone: no next-change function.
-- Not tracked (the schema guard lists them with their reasons): reviewers'
-- comments and the revision history, read signed in.
select private.track_data_version('public.case_studies');
select private.track_data_version('public.case_study_cities');
select private.track_data_version('public.case_study_partners');
select private.track_data_version('public.case_study_kpis');
select private.track_data_version('public.case_study_deliverables');
select private.track_data_version('private.case_study_facets');
select private.track_data_version('private.case_study_facet_totals');
