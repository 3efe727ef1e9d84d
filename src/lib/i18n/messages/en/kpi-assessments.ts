/** KPI self-assessments, targets, dashboards, verification and snapshots (docs/kpi-assessments.md). */
export const kpiAssessments = {
  'kpiAssessments.type': 'KPI assessment · {city}',
  'kpiAssessments.yearAndVersion': '{year}, version {version}',
  'kpiAssessments.yes': 'Yes',
  'kpiAssessments.no': 'No',
  'kpiAssessments.partNotMeasured': 'not measured',
  'kpiAssessments.notAvailableBecause': 'Not available: {reason}',

  // States
  'kpiAssessments.status.open': 'Open',
  'kpiAssessments.status.published': 'Snapshot published',
  'kpiAssessments.status.superseded': 'Superseded',
  'kpiAssessments.status.reported': 'Value entered',
  'kpiAssessments.status.notAvailable': 'Not available',
  'kpiAssessments.status.missing': 'Not entered',
  'kpiAssessments.status.shared': 'In the snapshot',
  'kpiAssessments.status.manage': 'Manage KPI assessments',

  // Refusals
  'kpiAssessments.forbidden.title': 'This assessment is private to the city',
  'kpiAssessments.forbidden.readBody':
    'A city’s KPI assessments are seen only by the city’s editors and the coordinators of its hubs, until the city publishes a snapshot. Published snapshots are linked from the city’s page.',
  'kpiAssessments.forbidden.writeBody':
    'Only the city’s editors can change its KPI assessments and targets. Hub coordinators can read them.',
  'kpiAssessments.frozen':
    'The {year} assessment (version {version}) was verified on {date} and is frozen: it cannot be changed. To correct it, open a new version on its verification page; the verified version stays readable.',
  'kpiAssessments.superseded':
    'Version {version} of the {year} assessment has been superseded by a newer version: it is kept as it was, read-only. Make changes in the latest version.',
  'kpiAssessments.frozenNotice':
    'Verified on {date}: this assessment is frozen. Corrections go into a new version, opened from the verification page.',
  'kpiAssessments.supersededNotice':
    'This is version {version}, kept as it was when a newer version superseded it.',
  'kpiAssessments.supersededLink': 'Go to the latest version',

  // The city's assessments
  'kpiAssessments.list.type': 'KPI assessments',
  'kpiAssessments.list.title': 'KPI assessments of {city}',
  'kpiAssessments.list.crumb': 'KPI assessments',
  'kpiAssessments.list.lead':
    'An assessment measures the city with the 91 U4SSC key performance indicators (KPIs) for one reporting year. Enter each KPI’s value with its data source, or say why it is not available; follow the values over the years against the city’s own targets; record the third-party verification; and share a snapshot when the city chooses.',
  'kpiAssessments.list.private':
    'Assessments are private: only the city’s editors and the coordinators of its hubs see them, and only the city’s editors change them. Nothing is public until the city publishes a snapshot, and then only the values it chooses.',
  'kpiAssessments.list.catalogue': 'The KPI catalogue',
  'kpiAssessments.list.heading': 'Assessments',
  'kpiAssessments.list.empty': 'No assessment has been opened yet.',
  'kpiAssessments.list.caption': 'KPI assessments of {city}, by reporting year',
  'kpiAssessments.list.year': 'Reporting year',
  'kpiAssessments.list.state': 'State',
  'kpiAssessments.open.title': 'Open an assessment',
  'kpiAssessments.open.year': 'Reporting year',
  'kpiAssessments.open.yearHint': 'The year the values describe, from 2000 to {year}.',
  'kpiAssessments.open.submit': 'Open assessment',
  'kpiAssessments.open.yearInvalid': 'Enter the reporting year as four digits, such as 2025.',
  'kpiAssessments.open.yearRange': 'Enter a reporting year from 2000 to this year.',
  'kpiAssessments.open.exists':
    'The city already has an assessment for {year}: open it from the list below.',
  'kpiAssessments.template.link': 'Download the CSV template',

  // One assessment
  'kpiAssessments.nav.label': 'This assessment',
  'kpiAssessments.nav.overview': 'Overview',
  'kpiAssessments.nav.values': 'Enter values',
  'kpiAssessments.nav.import': 'Import CSV',
  'kpiAssessments.nav.verification': 'Verification',
  'kpiAssessments.nav.snapshot': 'Snapshot',
  'kpiAssessments.overview.title': '{city}: KPI assessment {year}',
  'kpiAssessments.overview.data': 'Data',
  'kpiAssessments.overview.sharing': 'Sharing',
  'kpiAssessments.overview.private':
    'Private: only the city’s editors and the coordinators of its hubs see this assessment.',
  'kpiAssessments.overview.publishedOn': 'A snapshot was published on {date}.',
  'kpiAssessments.overview.viewSnapshot': 'View the public snapshot',
  'kpiAssessments.delete.title': 'Delete this assessment',
  'kpiAssessments.delete.lead':
    'For an assessment opened by mistake (the wrong year, a version not needed): its {count} entries and its snapshot are deleted with it, for good. The city’s targets stay. A verified assessment cannot be deleted.',
  'kpiAssessments.delete.confirm': 'Confirm',
  'kpiAssessments.delete.confirmOption':
    'Delete the {year} assessment (version {version}) and its entries',
  'kpiAssessments.delete.confirmRequired':
    'Tick the box to confirm that the assessment is to be deleted.',
  'kpiAssessments.delete.submit': 'Delete the assessment',
  'kpiAssessments.delete.verified':
    'A verified assessment is never deleted. To correct it, open a new version from its verification page.',
  'kpiAssessments.delete.refused':
    'The assessment could not be deleted: only the city’s editors delete one, while it is not verified.',
  'kpiAssessments.completeness.title': 'Completeness',
  'kpiAssessments.completeness.lead':
    'A KPI counts as answered when it has a value or is marked not available with a reason.',
  'kpiAssessments.completeness.byType': 'Core and advanced KPIs answered',
  'kpiAssessments.completeness.byDimension': 'KPIs answered by dimension',
  'kpiAssessments.completeness.kpis': 'KPIs',
  'kpiAssessments.completeness.core': 'Core KPIs',
  'kpiAssessments.completeness.advanced': 'Advanced KPIs',
  'kpiAssessments.completeness.cell': '{answered} of {total} ({percent}%)',
  'kpiAssessments.completeness.sentence':
    '{label}: {reported} with a value, {notAvailable} not available, {missing} not entered, of {total}.',
  'kpiAssessments.sections.title': 'Sections',
  'kpiAssessments.sections.nav': 'Sections of the framework',
  'kpiAssessments.sections.lead':
    'The KPIs are entered one section of the framework at a time. Each KPI is saved on its own.',
  'kpiAssessments.sections.answered': '{answered} of {total} answered',
  'kpiAssessments.versions.title': 'Versions of this year',
  'kpiAssessments.versions.verified': 'verified on {date}',

  // Entering values
  'kpiAssessments.section.title': '{section}: values for {year}',
  'kpiAssessments.section.onThisPage': 'On this page',
  'kpiAssessments.section.lead':
    'Save each KPI with its own button. Give a value with its data source, or, if there is no value, the reason it is not available.',
  'kpiAssessments.section.readOnly':
    'You can read this assessment. Only the city’s editors change it.',
  'kpiAssessments.section.readOnlyFrozen':
    'This assessment is frozen (verified, or superseded by a newer version): its values are shown as they are.',
  'kpiAssessments.section.readOnlyFrozenLink': 'How to correct it',
  'kpiAssessments.entry.aboutKpi': 'About this KPI',
  'kpiAssessments.entry.value': 'Value',
  'kpiAssessments.entry.valueHint': 'Only the number, in the unit above; a point for decimals.',
  'kpiAssessments.entry.answer': 'Answer',
  'kpiAssessments.entry.parts': 'Values by part',
  'kpiAssessments.entry.partsHint':
    'In the unit above. Leave a part empty if the city does not measure it.',
  'kpiAssessments.entry.source': 'Data source',
  'kpiAssessments.entry.sourceHint':
    'Where the value comes from, such as “National statistics office, census 2021”. Needed with a value.',
  'kpiAssessments.entry.methodNote': 'Method note',
  'kpiAssessments.entry.methodNoteHint':
    'How the value was measured or estimated, if it differs from the U4SSC methodology.',
  'kpiAssessments.entry.reason': 'Not available: reason',
  'kpiAssessments.entry.reasonHint':
    'Only when there is no value: say why, such as “not measured in the city”. Leave the value empty then.',
  'kpiAssessments.entry.save': 'Save',
  'kpiAssessments.entry.clear': 'Clear',
  'kpiAssessments.entry.saveKpi': 'Save {kpi}',
  'kpiAssessments.entry.clearKpi': 'Clear {kpi}',
  'kpiAssessments.entry.saved': 'Saved.',
  'kpiAssessments.entry.none': 'Not entered.',
  'kpiAssessments.entry.unknownKpi':
    'This KPI is not in this section: reload the page and try again.',
  'kpiAssessments.entry.nothing':
    'Enter a value, or the reason it is not available. To remove what was saved, use “Clear”.',
  'kpiAssessments.entry.valueAndReason':
    'Give either a value or a reason it is not available, not both.',
  'kpiAssessments.entry.valueMissing':
    'A source or method note is given but no value: enter the value, or the reason it is not available.',
  'kpiAssessments.entry.sourceRequired': 'Give the data source of this value.',
  'kpiAssessments.entry.sourceShort': 'The data source needs at least {min} characters.',
  'kpiAssessments.entry.sourceLong': 'The data source can have at most {max} characters.',
  'kpiAssessments.entry.methodNoteShort': 'The method note needs at least {min} character.',
  'kpiAssessments.entry.methodNoteLong': 'The method note can have at most {max} characters.',
  'kpiAssessments.entry.reasonShort': 'The reason needs at least {min} characters.',
  'kpiAssessments.entry.reasonLong': 'The reason can have at most {max} characters.',
  'kpiAssessments.entry.refused':
    'The database refused this value for this KPI: check it against the KPI’s unit and range.',

  // Values, checked by the KPI's measure
  'kpiAssessments.value.number':
    '{label}“{value}” is not a number. Write digits, with a point for decimals, such as 81.5.',
  'kpiAssessments.value.comma':
    '{label}“{value}”: write numbers without thousands separators and with a point for decimals, such as 12500 or 81.5.',
  'kpiAssessments.value.unit':
    '{label}“{value}”: write only the number, without a unit. This KPI is measured in “{unit}”.',
  'kpiAssessments.value.negative': '{label}“{value}” is below 0: this value cannot be negative.',
  'kpiAssessments.value.percentage': '{label}“{value}” is not a percentage from 0 to 100.',
  'kpiAssessments.value.count': '{label}“{value}” is not a whole number (0, 1, 2…).',
  'kpiAssessments.value.max': '{label}“{value}” is above {max}, the highest value of this KPI.',
  'kpiAssessments.value.tooLarge': '{label}“{value}” is too large to be a value of this KPI.',
  'kpiAssessments.value.yesNo': '{label}“{value}”: answer yes or no.',
  'kpiAssessments.value.partFormat':
    '“{value}”: write the parts as name=value separated by semicolons, such as {example}.',
  'kpiAssessments.value.partUnknown':
    '“{value}” is not a part of this KPI. Its parts are: {parts}.',
  'kpiAssessments.value.partRepeated': 'The part “{value}” is given twice.',

  // Import and export
  'kpiAssessments.import.title': 'Import a CSV file for {year}',
  'kpiAssessments.import.link': 'Import values from a CSV file',
  'kpiAssessments.import.formatTitle': 'The file',
  'kpiAssessments.import.formatLead':
    'Start from the template (every KPI, one row each) or from this assessment’s CSV export, fill it in a spreadsheet and save it as “CSV UTF-8”.',
  'kpiAssessments.import.ruleColumns':
    'Columns: kpi_code, kpi_name, unit, value, not_available_reason, source, method_note. The name and unit are there to read; keep the unit as it is.',
  'kpiAssessments.import.ruleValue':
    'value: only the number, in the KPI’s unit, with a point for decimals; yes or no for yes/no KPIs.',
  'kpiAssessments.import.ruleParts':
    'KPIs with several values (air pollutants, transport modes…) list their parts in one cell: pm2-5=12.5; pm10=22.',
  'kpiAssessments.import.ruleReason':
    'A value needs its source. If there is no value, leave it empty and give the reason in not_available_reason.',
  'kpiAssessments.import.ruleBlank': 'A row with neither a value nor a reason changes nothing.',
  'kpiAssessments.import.ruleFile':
    'At most 1 MB, UTF-8, one row per KPI, no spreadsheet formulas.',
  'kpiAssessments.import.ruleAll':
    'Every line is checked first: if one is wrong, nothing is imported, and each wrong line is listed with the reason.',
  'kpiAssessments.import.file': 'CSV file',
  'kpiAssessments.import.fileHint': 'Saved as “CSV UTF-8”, at most 1 MB.',
  'kpiAssessments.import.submit': 'Import file',
  'kpiAssessments.import.readOnly': 'Only the city’s editors can import values.',
  'kpiAssessments.import.fileMissing': 'Choose a CSV file to import.',
  'kpiAssessments.import.tooLarge':
    'The file is larger than {size}: split it or remove what is not needed.',
  'kpiAssessments.import.badLines':
    'Nothing was imported: {count} lines of the file have problems, listed below. Fix them and import the file again.',
  'kpiAssessments.import.badFile':
    'Nothing was imported: the file cannot be read as an assessment. The problem is described below.',
  'kpiAssessments.import.problemsTitle': 'What to fix',
  'kpiAssessments.import.nothingImported': 'Nothing was imported from this file.',
  'kpiAssessments.import.line': 'Line {line}:',
  'kpiAssessments.import.noRows': 'The file has a header but no rows.',
  'kpiAssessments.import.unknownColumn':
    'The column “{name}” is not part of the format. The columns are: {columns}.',
  'kpiAssessments.import.unknownKpi':
    '“{value}” is not a KPI of the U4SSC catalogue. Check the code against the template.',
  'kpiAssessments.import.wrongUnit':
    'The unit “{value}” is not the unit of {code}, which is measured in “{unit}”. Give the value in that unit and keep the unit as in the template.',
  'kpiAssessments.import.formula':
    '“{value}” would run as a spreadsheet formula. Remove the leading =, +, - or @.',
  'kpiAssessments.import.duplicate':
    'This KPI ({value}) is already on line {firstLine}. Keep one row per KPI.',
  'kpiAssessments.import.done': 'The file was imported.',
  'kpiAssessments.import.counts':
    'Changed: {changed}. Unchanged: {unchanged}. Left blank (nothing changed): {blank}.',
  'kpiAssessments.import.back': 'Back to the assessment',
  'kpiAssessments.export.csv': 'Download as CSV (the import format)',
  'kpiAssessments.export.json': 'Download as JSON',
  'kpiAssessments.export.private':
    'The downloads hold every value of this assessment: they are as private as the assessment.',

  // Targets and dashboard
  'kpiAssessments.targets.type': 'KPI targets',
  'kpiAssessments.targets.title': 'KPI targets of {city}',
  'kpiAssessments.targets.crumb': 'Targets',
  'kpiAssessments.targets.link': 'Set the city’s targets',
  'kpiAssessments.targets.lead':
    'For each KPI the city chooses its own target: a baseline year, the value to reach and the year to reach it by. The dashboard shows how far each KPI is from its target. Targets are private to the city’s editors and the coordinators of its hubs.',
  'kpiAssessments.targets.readOnly': 'You can read the city’s targets. Only its editors set them.',
  'kpiAssessments.targets.baselineYear': 'Baseline year',
  'kpiAssessments.targets.targetValue': 'Target value',
  'kpiAssessments.targets.targetYear': 'Target year',
  'kpiAssessments.targets.yesNoHint': 'yes or no',
  'kpiAssessments.targets.save': 'Save target',
  'kpiAssessments.targets.clear': 'Remove target',
  'kpiAssessments.targets.saveKpi': 'Save target {kpi}',
  'kpiAssessments.targets.clearKpi': 'Remove target {kpi}',
  'kpiAssessments.targets.saved': 'Target saved.',
  'kpiAssessments.targets.latest': 'Latest value: {value} ({year})',
  'kpiAssessments.targets.noValue': 'No value entered yet.',
  'kpiAssessments.targets.none': 'No target set.',
  'kpiAssessments.targets.summary': '{value} by {year}, from the {baseline} baseline',
  'kpiAssessments.target.yearInvalid': 'Enter a year as four digits, such as 2030.',
  'kpiAssessments.target.yearRange': 'Enter a year from 2000 to 2100.',
  'kpiAssessments.target.valueRequired': 'Enter the value to reach, in the KPI’s unit.',
  'kpiAssessments.target.afterBaseline': 'The target year must come after the baseline year.',
  'kpiAssessments.target.partUnknown':
    'This part is not part of the KPI: reload the page and try again.',
  'kpiAssessments.dashboard.type': 'KPI dashboard',
  'kpiAssessments.dashboard.title': 'KPI dashboard of {city}',
  'kpiAssessments.dashboard.crumb': 'Dashboard',
  'kpiAssessments.dashboard.link': 'See the dashboard',
  'kpiAssessments.dashboard.lead':
    'Each KPI over the reporting years, against the city’s own target. Values come from the latest version of each year’s assessment; “not available” leaves a gap.',
  'kpiAssessments.dashboard.private':
    'Private to the city’s editors and the coordinators of its hubs. It shows this city only: cities are never compared.',
  'kpiAssessments.dashboard.views': 'Dashboard views',
  'kpiAssessments.dashboard.byDimension': 'By dimension',
  'kpiAssessments.dashboard.bySdg': 'By Sustainable Development Goal',
  'kpiAssessments.dashboard.goalDimensions': 'Dimensions of this goal’s KPIs',
  'kpiAssessments.dashboard.dimensionCount': '{dimension} ({count} KPIs)',
  'kpiAssessments.dashboard.empty': 'No assessment has values yet.',
  'kpiAssessments.dashboard.distanceTitle': 'Distance to the city’s targets',
  'kpiAssessments.dashboard.distanceLead':
    'How far each KPI with a target has come from its baseline: 0% at the baseline value, 100% at the target.',
  'kpiAssessments.dashboard.noTargets': 'No KPI shown here has a target yet.',
  'kpiAssessments.dashboard.progressChart': 'Progress towards the city’s targets: {heading}',
  'kpiAssessments.dashboard.progressHeading': 'Progress',
  'kpiAssessments.dashboard.progressUnknown': 'No baseline value',
  'kpiAssessments.dashboard.baseline': 'Baseline',
  'kpiAssessments.dashboard.latest': 'Latest',
  'kpiAssessments.dashboard.targetColumn': 'Target',
  'kpiAssessments.dashboard.distanceColumn': 'Still to go',
  'kpiAssessments.dashboard.reachedShort': 'Reached',
  'kpiAssessments.dashboard.lower': '{value} lower',
  'kpiAssessments.dashboard.higher': '{value} higher',
  'kpiAssessments.dashboard.yearValue': '{year}: {value}',
  'kpiAssessments.dashboard.values': 'Values ({unit}): {values}.',
  'kpiAssessments.dashboard.noValues': 'No values yet.',
  'kpiAssessments.dashboard.target': 'Target: {value} by {year}, from the {baseline} baseline.',
  'kpiAssessments.dashboard.reached': 'The target is reached.',
  'kpiAssessments.dashboard.distanceDown': '{distance} still to go down.',
  'kpiAssessments.dashboard.distanceUp': '{distance} still to go up.',
  'kpiAssessments.dashboard.progress': '{percent}% of the way from the baseline.',
  'kpiAssessments.dashboard.withoutData': 'No values or targets yet: {kpis}.',

  // Verification and versions
  'kpiAssessments.verification.title': 'Verification of the {year} assessment',
  'kpiAssessments.verification.lead':
    'U4SSC KPI assessments can be verified by a third party, who checks the values against their sources. Record the verification here once it is done: who verified, when, the link to their report and what they verified. From then on the assessment is frozen.',
  'kpiAssessments.verification.recorded': 'Verification',
  'kpiAssessments.verification.verifier': 'Verifier',
  'kpiAssessments.verification.verifierHint': 'The organisation that verified the assessment.',
  'kpiAssessments.verification.date': 'Date of the verification',
  'kpiAssessments.verification.dateHint': 'The date of the verifier’s report.',
  'kpiAssessments.verification.reportUrl': 'Link to the verification report',
  'kpiAssessments.verification.reportUrlHint': 'A web address starting with https://',
  'kpiAssessments.verification.report': 'Verification report',
  'kpiAssessments.verification.scope': 'Scope',
  'kpiAssessments.verification.scopeHint':
    'What was verified, such as “All 91 KPIs” or “The 55 core KPIs”.',
  'kpiAssessments.verification.warning':
    'Once recorded, the verification and the assessment’s values can no longer be changed. Corrections go into a new version.',
  'kpiAssessments.verification.submit': 'Record the verification',
  'kpiAssessments.verification.none': 'This assessment has not been verified.',
  'kpiAssessments.verification.verifierRequired': 'Enter who verified the assessment.',
  'kpiAssessments.verification.verifierLong':
    'The verifier’s name can have at most 200 characters.',
  'kpiAssessments.verification.dateInvalid':
    'Enter the date as year-month-day, such as 2026-03-31.',
  'kpiAssessments.verification.dateBeforeYear':
    'The verification cannot be dated before the reporting year.',
  'kpiAssessments.verification.dateFuture': 'The verification date cannot be in the future.',
  'kpiAssessments.verification.reportUrlInvalid':
    'Enter the report’s web address, starting with https:// or http://.',
  'kpiAssessments.verification.scopeRequired': 'Say what the verification covered.',
  'kpiAssessments.verification.scopeLong': 'The scope can have at most 1,000 characters.',
  'kpiAssessments.newVersion.title': 'Correct a verified assessment',
  'kpiAssessments.newVersion.lead':
    'A verified assessment is never changed. To correct it, open a new version: it starts as a copy of this one and can be edited; this version stays readable as it was verified.',
  'kpiAssessments.newVersion.submit': 'Open a new version',
  'kpiAssessments.newVersion.notVerified':
    'Only the latest version, once verified, is superseded by a new version; an open assessment can simply be edited.',
  'kpiAssessments.newVersion.refused':
    'A new version could not be opened: only the city’s editors open one, from the latest verified version.',

  // Snapshot
  'kpiAssessments.snapshot.title': 'Snapshot of the {year} assessment',
  'kpiAssessments.snapshot.manage': 'Choose what to share and publish a snapshot',
  'kpiAssessments.snapshot.lead':
    'A snapshot is the public page of an assessment, like the U4SSC City Snapshot. Tick the values to share, then publish. You can change the selection or take the snapshot down at any time.',
  'kpiAssessments.snapshot.whatIsPublic':
    'Visitors see the city, the year, the verification (if recorded) and the values ticked here, with their sources. Nothing else: values not ticked, targets and other years stay private.',
  'kpiAssessments.snapshot.publish': 'Publish snapshot',
  'kpiAssessments.snapshot.update': 'Update the published snapshot',
  'kpiAssessments.snapshot.unpublish': 'Take the snapshot down',
  'kpiAssessments.snapshot.publishedNotice': 'The snapshot is published.',
  'kpiAssessments.snapshot.unpublishedNotice':
    'The snapshot was taken down: nothing of it is public.',
  'kpiAssessments.snapshot.readOnly': 'Only the city’s editors publish snapshots.',
  'kpiAssessments.snapshot.superseded':
    'This version has been superseded: publish the snapshot from the latest version.',
  'kpiAssessments.snapshot.empty': 'Enter values first: there is nothing to share yet.',
  'kpiAssessments.snapshot.unknownEntry':
    'One of the ticked KPIs has no entry in this assessment: reload the page and try again.',
  'kpiAssessments.snapshot.notPublished': 'This assessment has no published snapshot.',
  'kpiAssessments.snapshot.kpi': 'KPI',
  'kpiAssessments.snapshot.tableCaption': 'Shared values: {section}',

  // The public snapshot
  'kpiAssessments.public.type': 'KPI snapshot',
  'kpiAssessments.public.title': '{city}: U4SSC KPIs {year}',
  'kpiAssessments.public.crumb': 'KPIs {year}',
  'kpiAssessments.public.description':
    '{count} U4SSC KPI values that {city} chose to publish for {year}, with their sources.',
  'kpiAssessments.public.lead':
    'The values of the U4SSC key performance indicators (KPIs) that {city} chose to publish for {year}, with their data sources.',
  'kpiAssessments.public.noComparison':
    'Each city measures itself against its own starting point and targets: the portal does not compare or rank cities.',
  'kpiAssessments.public.facts': 'About this snapshot',
  'kpiAssessments.public.city': 'City',
  'kpiAssessments.public.year': 'Reporting year',
  'kpiAssessments.public.published': 'Published',
  'kpiAssessments.public.values': 'Values shared',
  'kpiAssessments.public.valuesCount': '{count} of the {total} KPIs',
  'kpiAssessments.public.verification': 'Verification',
  'kpiAssessments.public.verifiedBy': 'Verified by {verifier} on {date}.',
  'kpiAssessments.public.scope': 'Scope: {scope}',
  'kpiAssessments.public.notVerified': 'Not verified by a third party.',
  'kpiAssessments.public.csv': 'Download as CSV',
  'kpiAssessments.public.json': 'Download as JSON',
  'kpiAssessments.public.valuesTitle': 'Values',
  'kpiAssessments.public.noValues': 'The city has not shared any values in this snapshot.',

  // The city page
  'kpiAssessments.city.title': 'KPI assessments',
  'kpiAssessments.city.verified': 'KPIs verified for {year}',
  'kpiAssessments.city.report': 'Verification report ({verifier})',
  'kpiAssessments.city.notVerified': 'KPIs for {year} (not verified)',
  'kpiAssessments.city.snapshot': 'KPI snapshot {year}',
  'kpiAssessments.city.sharedOn': '{count} values, published {date}',
  'kpiAssessments.city.nothingPublished': 'The city has not published a KPI snapshot yet.',

  // Everyone's assessments
  'kpiAssessments.overviewAll.title': 'KPI assessments you look after',
  'kpiAssessments.overviewAll.lead':
    'The assessments of the cities you edit, and of the cities of the hubs you coordinate: which exist and how complete they are.',
  'kpiAssessments.overviewAll.noComparison':
    'Values are not shown here: each city’s figures are read on its own pages, never side by side.',
  'kpiAssessments.overviewAll.empty': 'No city’s assessments are in your care.',
  'kpiAssessments.overviewAll.asEditor': 'You edit this city.',
  'kpiAssessments.overviewAll.asCoordinator': 'A city of a hub you coordinate (read only).',
  'kpiAssessments.overviewAll.none': 'No assessment yet.',

  // "Your work" (src/server/work/sections/kpi-assessments.ts)
  'work.kpiAssessments.title': 'KPI assessments',
  'work.kpiAssessments.lead':
    'Your cities’ self-assessments with the U4SSC KPIs: values, targets, verification and snapshots.',
  'work.kpiAssessments.open': 'Open assessments',
  'work.kpiAssessments.item': '{city}: {year}',
  'work.kpiAssessments.answered': '{answered} of 91 KPIs answered',
  'work.kpiAssessments.none':
    'No open assessment: every assessment is verified, or none is opened yet.',
  'work.kpiAssessments.manage': 'KPI assessments of {city}',
} as const;
