-- The render cache (docs/render-cache.md) follows the partners domain's
-- public tables: an organization's profile shows its offerings and the
-- Recommendations it implements, and the directory counts both in its facets.
-- Without the trigger, an edited offering would stay unseen by visitors until
-- some other change bumped the data version.
--
-- The domain's other tables are read signed in only (registration drafts,
-- hub requests, invitations, join and contact requests) or by the mail and
-- export machinery (notices, personal-data sources); the schema guard lists
-- each with its reason.
select private.track_data_version('public.organization_offerings');
select private.track_data_version('public.organization_deliverables');
