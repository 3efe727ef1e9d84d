/** The server-rendered charts (src/components/charts): legends and data tables. */
export const charts = {
  'charts.showTable': 'Show the data as a table',
  'charts.year': 'Year',
  'charts.total': 'Total',
  'charts.target': 'Target',
  'charts.targetLabel': '{label}: {value} by {year}',
  'charts.notAvailable': 'Not available',
  'charts.share': '{share}%',
  'charts.valueAndShare': '{value} ({share})',
  'charts.legend': 'Legend',
  'charts.noData': 'There is no data to show yet.',
} as const;
