export * from './csvText';
export * from './columns';
export * from './exportCsv';
export * from './importPlan';
